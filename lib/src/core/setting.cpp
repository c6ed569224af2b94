// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/setting.hpp>

namespace vitrum {

const char* setting_source_name(SettingSource source) {
    switch (source) {
        case SettingSource::option:
            return "option";
        case SettingSource::file:
            return "file";
        case SettingSource::vendor:
            return "vendor convention";
        case SettingSource::default_value:
            break;
    }
    return "default";
}

nlohmann::ordered_json settings_to_json(const std::vector<SettingRecord>& settings) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const SettingRecord& s : settings)
        j[s.name] = {{"value", s.value}, {"source", setting_source_name(s.source)}};
    return j;
}

void record_setting(std::vector<SettingRecord>& settings, const std::string& name,
                    nlohmann::ordered_json value, SettingSource source) {
    for (SettingRecord& s : settings)
        if (s.name == name) {
            s.value = std::move(value);
            s.source = source;
            return;
        }
    settings.push_back({name, std::move(value), source});
}

}  // namespace vitrum
