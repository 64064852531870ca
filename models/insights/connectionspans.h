#pragma once

#include "connectionfigures.h"

class ConnectionTableModel;

namespace Insights {

// The rows a table shows (not those Load All holds back, not those a watch removed), as
// spans: read on the GUI thread, then aggregated on another while the table goes on
// changing. Reads the compact store directly, without building a string a row.
struct SpanSnapshot
{
    std::vector<ConnectionSpan> spans;
    QStringList applications; // names ConnectionSpan::application
};
SpanSnapshot snapshotOf(const ConnectionTableModel &model);

} // namespace Insights
