// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxnames.h"

#include <iterator>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// Invented names, none a real company's; the first eight are the default set. Index 3
// is the deleted application (sandboxdataset.cpp), so its name sounds retired.
constexpr const char16_t *Curated[] = {
    u"Harborline Payroll",     u"Tandem Invoicing",      u"Quillmark Books",
    u"Fernhill Reconciler",    u"Atlas Cash Forecast",   u"Copperleaf Expenses",
    u"Meridian Treasury Sync", u"Pinecrest Bookkeeping", u"Lanternfish Billing",
    u"Saltmarsh Payables",     u"Kestrel Card Controls", u"Bramble Receivables",
    u"Orchard Rent Collect",   u"Tidewater Payouts",     u"Granite Ledger Export",
    u"Juniper Vendor Pay",     u"Ridgeway Audit Trail",  u"Foxglove Budgeting",
    u"Sparrow Cash Sweep",     u"Cobalt Tax Reserve",    u"Willowbrook Invoices",
    u"Beacon Spend Reports",   u"Marigold Payroll",      u"Oakhaven Treasury",
};

// Past the curated list, a brand and a product; no brand above is reused, so no name
// repeats one of those.
constexpr const char16_t *Brands[] = {
    u"Alder",    u"Bayside",  u"Cedar",      u"Driftwood", u"Elmstead",  u"Fairhaven",
    u"Glenmore", u"Hollis",   u"Ironbridge", u"Larkspur",  u"Millbrook", u"Northgate",
    u"Redfern",  u"Stonebay", u"Thornbury",  u"Westmere",
};
constexpr const char16_t *Products[] = {
    u"Payroll",       u"Invoicing",      u"Bookkeeping",   u"Expenses",
    u"Treasury",      u"Billing",        u"Payables",      u"Receivables",
    u"Cash Forecast", u"Reconciliation", u"Spend Control", u"Vendor Payments",
};
constexpr int CuratedCount = int(std::size(Curated));
constexpr int BrandCount = int(std::size(Brands));
constexpr int ProductCount = int(std::size(Products));
// Each pass over the brands moves the product on by BrandCount + 1; coprime with the
// product count, so every brand meets every product once before any pair repeats.
static_assert(std::gcd(BrandCount + 1, ProductCount) == 1);

QString realisticName(int index)
{
    if (index < CuratedCount)
        return QString::fromUtf16(Curated[index]);
    const int n = index - CuratedCount;
    const int brand = n % BrandCount;
    const int product = (n + n / BrandCount) % ProductCount;
    const int round = n / (BrandCount * ProductCount);
    QString name = QString::fromUtf16(Brands[brand]) + u' ' + QString::fromUtf16(Products[product]);
    if (round > 0)
        name += u' ' + QString::number(round + 1);
    return name;
}

// Names that exercise CSV quoting, the injection guard, null handling and UTF-8.
std::optional<QString> trickyName(int index)
{
    switch (index) {
    case 0:
        return u"Ian Crease's App"_s;
    case 1:
        return u"=cmd|' /C calc'!A0, \"Totally Safe\" Export"_s;
    case 2:
        return std::nullopt;
    case 3:
        return u"Archived Reconciler"_s;
    case 4:
        return u"Café Zürich Treasury ☕"_s;
    case 5:
        return u"Payroll Bridge"_s;
    case 6:
        return u"Multi-line\r\nLedger"_s;
    case 7:
        return u"Ledger Sync"_s;
    default:
        return u"Application %1"_s.arg(index + 1);
    }
}

} // namespace

std::optional<QString> SandboxNames::applicationName(int index, bool tricky)
{
    if (tricky)
        return trickyName(index);
    return realisticName(index);
}
