// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;
class QPlainTextEdit;

// Colours JSON in a read-only QPlainTextEdit: object keys, string values, numbers,
// true/false/null, and the punctuation subtly. The colours follow the editor's palette
// (light or dark by its Base colour) and change with it. Tokenised by hand, one line at a
// time: at the first character that cannot be JSON the rest of the text stays plain, so a
// proxy's HTML page, a cut-off body or random bytes are shown as they are.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // Above this many characters (the document's, with its final paragraph mark) the text
    // is left plain. Highlighting runs on the GUI thread over the whole text each time it
    // is set, not only the lines on screen. The request log keeps up to 256 KiB of a body,
    // and indenting can grow that several times over; at this size colouring adds about
    // 60 ms to the 80 ms QPlainTextEdit takes to take the text, and it grows with the text.
    static constexpr int kMaxHighlightedCharacters = 512 * 1024;

    // Colours `editor`'s document; the editor owns the highlighter.
    explicit JsonHighlighter(QPlainTextEdit *editor);

    // Whether the text is JSON at all. While not, nothing is coloured; changing it
    // colours the text shown again, so set it before setting a large text.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    // The colours for `palette`, and colours the text again when they change. Called on
    // every palette change of the editor.
    void updateColours(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_editor;
    bool m_active = true;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
};
