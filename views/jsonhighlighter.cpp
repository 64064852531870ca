// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonhighlighter.h"

#include <QEvent>
#include <QPalette>
#include <QPlainTextEdit>
#include <QStringView>

using namespace Qt::StringLiterals;

namespace {

// The state a line leaves for the next: QSyntaxHighlighter's block state.
enum BlockState {
    Tokens = 0,   // between tokens
    InString = 1, // inside a string a line break cut (JSON has none; an odd body may)
    NotJson = 2,  // a character that cannot be JSON came earlier: the rest stays plain
};

// One set of token colours, each readable (WCAG contrast 4.5 or more) on its kind of Base.
struct TokenColours
{
    QColor key;
    QColor string;
    QColor number;
    QColor literal;
};

// On a light Base (white, or the light greys of common styles).
const TokenColours kOnLight{QColor(0x04, 0x51, 0xa5), QColor(0xa3, 0x15, 0x15),
                            QColor(0x0b, 0x7a, 0x4b), QColor(0x7a, 0x3e, 0x9d)};
// On a dark Base (#1e1f22 up to about #353535).
const TokenColours kOnDark{QColor(0x9c, 0xdc, 0xfe), QColor(0xce, 0x91, 0x78),
                           QColor(0xb5, 0xce, 0xa8), QColor(0xc5, 0x86, 0xc0)};

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9'; // ASCII only: QChar::isDigit takes other scripts' digits
}

bool isPunctuation(QChar c)
{
    return c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':';
}

// Where a string whose opening quote came before `from` ends: the index after its closing
// quote, or -1 when the line ends first.
int stringEnd(QStringView text, int from)
{
    int i = from;
    while (i < text.size()) {
        if (text[i] == u'\\')
            i += 2; // the escaped character, a quote included
        else if (text[i] == u'"')
            return i + 1;
        else
            ++i;
    }
    return -1;
}

// The length of the JSON number at `at` (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?),
// 0 when there is none.
int numberLength(QStringView text, int at)
{
    const int n = text.size();
    int i = at;
    if (i < n && text[i] == u'-')
        ++i;
    if (i >= n || !isDigit(text[i]))
        return 0;
    if (text[i] == u'0') {
        ++i;
    } else {
        while (i < n && isDigit(text[i]))
            ++i;
    }
    if (i < n && text[i] == u'.') {
        if (i + 1 >= n || !isDigit(text[i + 1]))
            return 0;
        i += 2;
        while (i < n && isDigit(text[i]))
            ++i;
    }
    if (i < n && (text[i] == u'e' || text[i] == u'E')) {
        int exponent = i + 1;
        if (exponent < n && (text[exponent] == u'+' || text[exponent] == u'-'))
            ++exponent;
        if (exponent >= n || !isDigit(text[exponent]))
            return 0;
        i = exponent + 1;
        while (i < n && isDigit(text[i]))
            ++i;
    }
    return i - at;
}

int literalLength(QStringView text, int at)
{
    const QStringView rest = text.mid(at);
    for (const QStringView literal : {u"true", u"false", u"null"}) {
        if (rest.startsWith(literal))
            return int(literal.size());
    }
    return 0;
}

// A number or literal ends at a space, a separator or the end of the line: "nullx" or
// "502Bad" is not JSON.
bool endsToken(QStringView text, int at)
{
    return at >= text.size() || isSpace(text[at]) || text[at] == u',' || text[at] == u']' ||
           text[at] == u'}';
}

// A string followed by ':' is an object's key.
bool isKey(QStringView text, int afterString)
{
    int i = afterString;
    while (i < text.size() && isSpace(text[i]))
        ++i;
    return i < text.size() && text[i] == u':';
}

QTextCharFormat foreground(const QColor &colour)
{
    QTextCharFormat format;
    format.setForeground(colour);
    return format;
}

// `a` mixed with `b`, `amountOfA` from 0 to 1.
QColor mixed(const QColor &a, const QColor &b, double amountOfA)
{
    const auto channel = [amountOfA](double x, double y) {
        return x * amountOfA + y * (1.0 - amountOfA);
    };
    return QColor::fromRgbF(float(channel(a.redF(), b.redF())),
                            float(channel(a.greenF(), b.greenF())),
                            float(channel(a.blueF(), b.blueF())));
}

} // namespace

JsonHighlighter::JsonHighlighter(QPlainTextEdit *editor)
    : QSyntaxHighlighter(static_cast<QObject *>(editor))
    , m_editor(editor)
{
    setObjectName(u"jsonHighlighter"_s);
    updateColours(editor->palette());
    setDocument(editor->document());
    editor->installEventFilter(this);
}

void JsonHighlighter::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    rehighlight();
}

void JsonHighlighter::updateColours(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    const TokenColours &colours = dark ? kOnDark : kOnLight;
    // Punctuation recedes: the text colour, part of the way to the background.
    const QColor punctuation =
        mixed(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.6);
    if (m_key.foreground().color() == colours.key &&
        m_punctuation.foreground().color() == punctuation)
        return;
    m_key = foreground(colours.key);
    m_string = foreground(colours.string);
    m_number = foreground(colours.number);
    m_literal = foreground(colours.literal);
    m_punctuation = foreground(punctuation);
    if (document())
        rehighlight();
}

bool JsonHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::PaletteChange)
        updateColours(m_editor->palette());
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void JsonHighlighter::highlightBlock(const QString &line)
{
    const int previous = previousBlockState();
    if (!m_active || previous == NotJson ||
        document()->characterCount() > kMaxHighlightedCharacters) {
        setCurrentBlockState(NotJson);
        return;
    }
    const QStringView text(line);
    const int n = int(text.size());
    int i = 0;
    if (previous == InString) {
        const int end = stringEnd(text, 0);
        if (end < 0) {
            setFormat(0, n, m_string);
            setCurrentBlockState(InString);
            return;
        }
        setFormat(0, end, m_string);
        i = end;
    }
    while (i < n) {
        const QChar c = text[i];
        if (isSpace(c)) {
            ++i;
        } else if (isPunctuation(c)) {
            setFormat(i, 1, m_punctuation);
            ++i;
        } else if (c == u'"') {
            const int end = stringEnd(text, i + 1);
            if (end < 0) {
                setFormat(i, n - i, m_string);
                setCurrentBlockState(InString);
                return;
            }
            setFormat(i, end - i, isKey(text, end) ? m_key : m_string);
            i = end;
        } else {
            int length = numberLength(text, i);
            const QTextCharFormat *format = &m_number;
            if (length == 0) {
                length = literalLength(text, i);
                format = &m_literal;
            }
            if (length == 0 || !endsToken(text, i + length)) {
                setCurrentBlockState(NotJson);
                return;
            }
            setFormat(i, length, *format);
            i += length;
        }
    }
    setCurrentBlockState(Tokens);
}
