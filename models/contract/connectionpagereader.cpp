// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionpagereader.h"

#include <QVarLengthArray>
#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Deeper than anything the API sends; QJsonDocument's own limit is far higher, so a
// deeper body is declined rather than judged here.
constexpr int kMaxDepth = 32;
// Longer numbers (and any exponent) are declined: how far QJsonDocument accepts them is
// its own rule, not JSON's.
constexpr qsizetype kMaxNumberLength = 15;

constexpr QByteArrayView kNull("null");

// The connection's fields, as bits of the set of fields already read in one object.
constexpr unsigned Id = 1u << 0;
constexpr unsigned CreatedAt = 1u << 1;
constexpr unsigned DeletedAt = 1u << 2;
constexpr unsigned GroupId = 1u << 3;
constexpr unsigned ApplicationId = 1u << 4;
constexpr unsigned Status = 1u << 5;
constexpr unsigned Type = 1u << 6;
constexpr unsigned AllFields = (1u << 7) - 1;

// Inline, unlike QByteArrayView's operator==: this runs for every key and value.
template <qsizetype N> bool equals(QByteArrayView text, const char (&literal)[N])
{
    return text.size() == N - 1 && std::memcmp(text.data(), literal, N - 1) == 0;
}

unsigned fieldOf(QByteArrayView key)
{
    switch (key.size()) {
    case 2:
        return equals(key, "id") ? Id : 0;
    case 4:
        return equals(key, "type") ? Type : 0;
    case 6:
        return equals(key, "status") ? Status : 0;
    case 8:
        return equals(key, "group_id") ? GroupId : 0;
    case 10:
        return equals(key, "created_at") ? CreatedAt : equals(key, "deleted_at") ? DeletedAt : 0;
    case 20:
        return equals(key, "oauth_application_id") ? ApplicationId : 0;
    }
    return 0;
}

class Reader
{
public:
    explicit Reader(QByteArrayView body)
        : m_p(body.data())
        , m_end(body.data() + body.size())
    {}

    bool page(ConnectionPage *out)
    {
        if (!consume('{'))
            return false;
        bool sawData = false;
        bool sawCursor = false;
        if (!consume('}')) {
            do {
                QByteArrayView key;
                if (!string(&key) || !consume(':'))
                    return false;
                if (equals(key, "data")) {
                    if (std::exchange(sawData, true) || !data(&out->data))
                        return false;
                } else if (equals(key, "next_cursor")) {
                    if (std::exchange(sawCursor, true) || !nullableString(&out->nextCursor))
                        return false;
                } else if (!skipValue(1)) {
                    return false;
                }
            } while (consume(','));
            if (!consume('}'))
                return false;
        }
        skipSpace();
        return m_p == m_end && sawData;
    }

private:
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool consume(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool peek(char c)
    {
        skipSpace();
        return m_p != m_end && *m_p == c;
    }

    // Printable ASCII without escapes only: no UTF-8 to validate, nothing to unescape.
    bool string(QByteArrayView *out)
    {
        if (!consume('"'))
            return false;
        const char *const start = m_p;
        skipPlainWords();
        for (; m_p != m_end; ++m_p) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                *out = QByteArrayView(start, m_p - start);
                ++m_p;
                return true;
            }
            if (c < 0x20 || c >= 0x80 || c == '\\')
                return false;
        }
        return false;
    }

    // Eight bytes at a time over the plain part of a string (SWAR): strings are most of a
    // page. Stops at the word holding a quote, a backslash, a control byte or a non-ASCII
    // byte, which the byte loop then judges.
    void skipPlainWords()
    {
        constexpr quint64 kOnes = 0x0101010101010101ull;
        constexpr quint64 kHighs = 0x8080808080808080ull;
        while (m_end - m_p >= 8) {
            quint64 v;
            std::memcpy(&v, m_p, sizeof v);
            const quint64 quote = v ^ (kOnes * '"');
            const quint64 backslash = v ^ (kOnes * '\\');
            const quint64 zeroed = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash);
            const quint64 control = (v - kOnes * 0x20) & ~v;
            if ((zeroed | control | v) & kHighs)
                return;
            m_p += 8;
        }
    }

    bool literal(QByteArrayView word)
    {
        if (m_end - m_p < word.size() || std::memcmp(m_p, word.data(), size_t(word.size())) != 0)
            return false;
        m_p += word.size();
        return true;
    }

    bool digits()
    {
        const char *const start = m_p;
        while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p != start;
    }

    bool number()
    {
        const char *const start = m_p;
        if (m_p != m_end && *m_p == '-')
            ++m_p;
        if (m_p == m_end)
            return false;
        if (*m_p == '0')
            ++m_p;
        else if (!digits())
            return false;
        if (m_p != m_end && *m_p == '.') {
            ++m_p;
            if (!digits())
                return false;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E'))
            return false;
        return m_p - start <= kMaxNumberLength;
    }

    bool skipValue(int depth)
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '"': {
            QByteArrayView ignored;
            return string(&ignored);
        }
        case '{':
        case '[': {
            const bool object = *m_p == '{';
            const char close = object ? '}' : ']';
            if (depth >= kMaxDepth)
                return false;
            ++m_p;
            if (consume(close))
                return true;
            do {
                QByteArrayView key;
                if (object && (!string(&key) || !consume(':')))
                    return false;
                if (!skipValue(depth + 1))
                    return false;
            } while (consume(','));
            return consume(close);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal(kNull);
        default:
            return number();
        }
    }

    bool nullableString(QString *out)
    {
        if (peek('"')) {
            QByteArrayView text;
            if (!string(&text))
                return false;
            *out = QString::fromLatin1(text);
            return true;
        }
        return literal(kNull);
    }

    bool data(QList<OAuthConnection> *rows)
    {
        if (!consume('['))
            return false;
        if (consume(']'))
            return true;
        rows->reserve(100); // the API's page size
        do {
            OAuthConnection row;
            if (!connection(&row))
                return false;
            rows->append(std::move(row));
        } while (consume(','));
        return consume(']');
    }

    bool connection(OAuthConnection *row)
    {
        if (!consume('{'))
            return false;
        unsigned seen = 0;
        if (!consume('}')) {
            do {
                QByteArrayView key;
                if (!string(&key) || !consume(':'))
                    return false;
                const unsigned field = fieldOf(key);
                if (field == 0) {
                    if (!skipValue(2))
                        return false;
                    continue;
                }
                if (seen & field)
                    return false; // which one counts is QJsonDocument's rule
                seen |= field;
                if (field == DeletedAt) {
                    if (peek('"')) {
                        QByteArrayView text;
                        if (!string(&text))
                            return false;
                        row->deletedAt = QString::fromLatin1(text);
                    } else if (!literal(kNull)) {
                        return false;
                    }
                    continue;
                }
                QByteArrayView text;
                if (!string(&text))
                    return false;
                switch (field) {
                case Id:
                    row->id = QString::fromLatin1(text);
                    break;
                case CreatedAt:
                    row->createdAt = QString::fromLatin1(text);
                    break;
                case GroupId:
                    row->groupId = QString::fromLatin1(text);
                    break;
                case ApplicationId:
                    row->oauthApplicationId = interned(text);
                    break;
                case Status:
                    row->status = status(text);
                    break;
                case Type:
                    row->type = equals(text, "oauth_connection") ? kConnectionType
                                                                 : QString::fromLatin1(text);
                    break;
                }
            } while (consume(','));
            if (!consume('}'))
                return false;
        }
        return seen == AllFields;
    }

    static QString status(QByteArrayView text)
    {
        if (equals(text, "active"))
            return kActive;
        if (equals(text, "inactive"))
            return kInactive;
        return QString::fromLatin1(text);
    }

    // A page names a handful of applications: rows share one string per application.
    QString interned(QByteArrayView text)
    {
        for (const auto &[bytes, string] : m_applications) {
            if (bytes.size() == text.size() &&
                std::memcmp(bytes.data(), text.data(), size_t(text.size())) == 0)
                return string;
        }
        QString string = QString::fromLatin1(text);
        if (m_applications.size() < kInterned)
            m_applications.append({text, string});
        return string;
    }

    static inline const QString kConnectionType = u"oauth_connection"_s;
    static inline const QString kActive = u"active"_s;
    static inline const QString kInactive = u"inactive"_s;

    const char *m_p;
    const char *const m_end;
    static constexpr qsizetype kInterned = 16;
    QVarLengthArray<std::pair<QByteArrayView, QString>, kInterned> m_applications;
};

} // namespace

namespace ConnectionPageReader {

std::optional<ConnectionPage> read(QByteArrayView body)
{
    ConnectionPage page;
    Reader reader(body);
    if (!reader.page(&page))
        return std::nullopt;
    return page;
}

} // namespace ConnectionPageReader
