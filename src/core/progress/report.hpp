#pragma once
// `backcare report`: one self-contained HTML page to print or to show a physiotherapist (inline
// CSS and SVG, no script, nothing fetched), sized to print on one A4 or Letter page. Pure: the
// figures come from compute_stats; every untrusted string is HTML-escaped here.
#include <string>
#include <string_view>

#include "progress/stats.hpp"

namespace backcare {

struct ReportOptions {
  std::string name;  // who it is for; "" leaves the line out
};

// The page.
std::string report_html(const Stats& stats, const ReportOptions& options);

// & < > " ' as entities, after safe_line (controls escaped, line breaks as spaces).
std::string html_escape(std::string_view text);

}  // namespace backcare
