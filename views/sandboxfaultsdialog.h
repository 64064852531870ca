// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class EmbeddedSandbox;

// Developer → Sandbox faults…: the in-process local sandbox's fault knobs (latency,
// jitter, fail rate, drop rate, rate limit), applied live, so an operator can watch the
// window under trouble without touching a real account. Non-modal.
class SandboxFaultsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SandboxFaultsDialog(EmbeddedSandbox *sandbox, QWidget *parent = nullptr);

    // Shows `sandbox`'s current values and acts on it from now on (a new local session has
    // a sandbox of its own); nullptr disables every control.
    void setSandbox(EmbeddedSandbox *sandbox);
    EmbeddedSandbox *sandbox() const;

    // No latency, no failures, no drops, no rate limit.
    void reset();

    QSpinBox *latencySpin() const { return m_latency; }
    QSpinBox *jitterSpin() const { return m_jitter; }
    QDoubleSpinBox *failRateSpin() const { return m_failRate; }
    QDoubleSpinBox *dropRateSpin() const { return m_dropRate; }
    QDoubleSpinBox *rateLimitSpin() const { return m_rateLimit; }
    QSpinBox *churnSpin() const { return m_churn; }

private:
    void load();

    QPointer<EmbeddedSandbox> m_sandbox;
    QLabel *m_target;
    QSpinBox *m_latency;
    QSpinBox *m_jitter;
    QDoubleSpinBox *m_failRate;
    QDoubleSpinBox *m_dropRate;
    QDoubleSpinBox *m_rateLimit;
    QSpinBox *m_churn;
    bool m_loading = false; // showing the sandbox's values, not changing them
};
