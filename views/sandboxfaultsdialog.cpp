// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxfaultsdialog.h"

#include "embeddedsandbox.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxDelayMs = 600'000; // ten minutes: far past any attempt deadline worth trying

QSpinBox *delaySpin(QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(0, kMaxDelayMs);
    spin->setSingleStep(50);
    spin->setSuffix(QCoreApplication::translate("SandboxFaultsDialog", " ms"));
    return spin;
}

QDoubleSpinBox *percentSpin(QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(0.0, 100.0);
    spin->setDecimals(1);
    spin->setSingleStep(5.0);
    spin->setSuffix(QCoreApplication::translate("SandboxFaultsDialog", " %"));
    return spin;
}

} // namespace

SandboxFaultsDialog::SandboxFaultsDialog(EmbeddedSandbox *sandbox, QWidget *parent)
    : QDialog(parent)
    , m_target(new QLabel(this))
    , m_latency(delaySpin(this))
    , m_jitter(delaySpin(this))
    , m_failRate(percentSpin(this))
    , m_dropRate(percentSpin(this))
    , m_rateLimit(new QDoubleSpinBox(this))
    , m_churn(new QSpinBox(this))
{
    setObjectName(u"sandboxFaultsDialog"_s);
    setWindowTitle(tr("Sandbox Faults"));
    m_target->setTextFormat(Qt::PlainText);
    m_target->setWordWrap(true);

    m_rateLimit->setRange(0.0, 100'000.0);
    m_rateLimit->setDecimals(1);
    m_rateLimit->setSuffix(tr(" req/s"));
    m_rateLimit->setSpecialValueText(tr("off"));
    m_churn->setRange(0, 60'000); // what increase-sandbox --churn takes
    m_churn->setSingleStep(10);
    m_churn->setSuffix(tr(" /min"));
    m_churn->setSpecialValueText(tr("off"));

    const QList<std::pair<QWidget *, QString>> names{
        {m_latency, tr("Latency")},      {m_jitter, tr("Jitter")},
        {m_failRate, tr("Fail rate")},   {m_dropRate, tr("Drop rate")},
        {m_rateLimit, tr("Rate limit")}, {m_churn, tr("Churn")},
    };
    for (const auto &[widget, name] : names)
        widget->setAccessibleName(name);
    m_latency->setObjectName(u"latency"_s);
    m_jitter->setObjectName(u"jitter"_s);
    m_failRate->setObjectName(u"failRate"_s);
    m_dropRate->setObjectName(u"dropRate"_s);
    m_rateLimit->setObjectName(u"rateLimit"_s);
    m_churn->setObjectName(u"churn"_s);
    m_latency->setToolTip(tr("Every response waits this long (without blocking the others)"));
    m_jitter->setToolTip(tr("Adds a random 0 to this many ms to each response's wait"));
    m_failRate->setToolTip(tr("Share of requests answered 500 (internal_server_error)"));
    m_dropRate->setToolTip(tr("Share of 200 responses whose body is cut off mid-way"));
    m_rateLimit->setToolTip(tr("Requests per second before the sandbox answers 429 with "
                               "Retry-After; 0 turns the limit off"));
    m_churn->setToolTip(tr("Connections created and deactivated a minute, each with its "
                           "event, so that the History and a watch have something to show"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Latency:"), m_latency);
    form->addRow(tr("&Jitter:"), m_jitter);
    form->addRow(tr("&Fail rate:"), m_failRate);
    form->addRow(tr("&Drop rate:"), m_dropRate);
    form->addRow(tr("Rate &limit:"), m_rateLimit);
    form->addRow(tr("&Churn:"), m_churn);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Reset | QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_target);
    layout->addLayout(form);
    layout->addWidget(buttons);

    // Each knob acts alone and at once: changing the latency must not refill the rate
    // limit's token bucket.
    connect(m_latency, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading && m_sandbox)
            m_sandbox->setLatency(m_latency->value(), m_jitter->value());
    });
    connect(m_jitter, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading && m_sandbox)
            m_sandbox->setLatency(m_latency->value(), m_jitter->value());
    });
    connect(m_failRate, &QDoubleSpinBox::valueChanged, this, [this](double percent) {
        if (!m_loading && m_sandbox)
            m_sandbox->setFailRate(percent / 100.0);
    });
    connect(m_dropRate, &QDoubleSpinBox::valueChanged, this, [this](double percent) {
        if (!m_loading && m_sandbox)
            m_sandbox->setDropRate(percent / 100.0);
    });
    connect(m_rateLimit, &QDoubleSpinBox::valueChanged, this, [this](double perSecond) {
        if (!m_loading && m_sandbox)
            m_sandbox->setRateLimit(perSecond);
    });
    connect(m_churn, &QSpinBox::valueChanged, this, [this](int perMinute) {
        if (!m_loading && m_sandbox)
            m_sandbox->setChurn(perMinute);
    });
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this,
            &SandboxFaultsDialog::reset);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setSandbox(sandbox);
}

void SandboxFaultsDialog::setSandbox(EmbeddedSandbox *sandbox)
{
    m_sandbox = sandbox;
    load();
}

EmbeddedSandbox *SandboxFaultsDialog::sandbox() const
{
    return m_sandbox;
}

void SandboxFaultsDialog::reset()
{
    if (!m_sandbox)
        return;
    m_sandbox->setLatency(0, 0);
    m_sandbox->setFailRate(0.0);
    m_sandbox->setDropRate(0.0);
    m_sandbox->setRateLimit(0.0);
    m_sandbox->setChurn(0);
    load();
}

void SandboxFaultsDialog::load()
{
    const bool live = !m_sandbox.isNull();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_latency, m_jitter, m_failRate,
                                                            m_dropRate, m_rateLimit, m_churn})
        widget->setEnabled(live);
    if (!live) {
        m_target->setText(tr("Not connected to the local sandbox: these faults apply only to "
                             "the sandbox the window runs itself."));
        return;
    }
    m_target->setText(tr("The local sandbox at %1. Changes apply from the next request.")
                          .arg(m_sandbox->baseUrl().toString()));
    const SandboxFaults faults = m_sandbox->faults();
    m_loading = true;
    m_latency->setValue(faults.latencyMs);
    m_jitter->setValue(faults.jitterMs);
    m_failRate->setValue(faults.failRate * 100.0);
    m_dropRate->setValue(faults.dropRate * 100.0);
    m_rateLimit->setValue(faults.rateLimit);
    m_churn->setValue(faults.churnPerMinute);
    m_loading = false;
}
