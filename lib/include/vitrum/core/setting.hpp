// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vitrum {

/// Where a setting of an analysis came from. The library's entry points resolve every setting in
/// this order of precedence: an explicit option, then the value stated in the file, then the
/// vendor's convention, then vitrum's documented default.
enum class SettingSource {
    option,         ///< given by the caller (command line, manifest, Python keyword)
    file,           ///< stated in the file that was read
    vendor,         ///< the vendor's convention (a preset) when the file is silent
    default_value,  ///< vitrum's documented default
};

/// "option", "file", "vendor convention" or "default" [text].
const char* setting_source_name(SettingSource source);

/// One resolved setting: its name (the library option field), value (SI) and source.
struct SettingRecord {
    std::string name;              ///< option field, e.g. "sample_poisson_ratio"
    nlohmann::ordered_json value;  ///< value in SI, unit in the name where it has one
    SettingSource source = SettingSource::default_value;
};

/// The settings as a JSON object {"name": {"value": …, "source": "…"}}, in their order.
nlohmann::ordered_json settings_to_json(const std::vector<SettingRecord>& settings);

/// Adds or replaces the setting called `name`.
void record_setting(std::vector<SettingRecord>& settings, const std::string& name,
                    nlohmann::ordered_json value, SettingSource source);

}  // namespace vitrum
