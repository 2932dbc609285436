// Reads a relationship survey (respondents.csv + answers.csv, see
// docs/survey.md) about the organizations of a community. The files follow
// the CSV rules of the bundle (io/csv, the header rule of io/codec); every
// problem is reported at once as FILE:LINE: message, and no Survey is given
// unless there was none.
#pragma once

#include <optional>
#include <string>

#include "core/community.hpp"
#include "core/problem.hpp"
#include "core/survey.hpp"
#include "io/row_table.hpp"

namespace tablemap {

struct SurveyLoad {
  std::optional<Survey> survey;  // set only when problems is empty
  Problems problems;
  bool ok() const { return survey.has_value(); }
};

// A survey folder (FOLDER/respondents.csv and FOLDER/answers.csv), a
// workbook (.xlsx) with the sheets Respondents and Answers, a filled survey
// form (`survey form`, io/survey_form), or a folder of filled forms.
SurveyLoad load_survey(const std::string& path, const Community& community);

// The two tables, already parsed (from CSV files or workbook sheets).
SurveyLoad decode_survey(const RowTable& respondents, const RowTable& answers, const Community& community);
// Several tables of each (the sheets of survey forms, io/survey_form), read in order.
SurveyLoad decode_survey(const std::vector<const RowTable*>& respondents,
                         const std::vector<const RowTable*>& answers, const Community& community);

}  // namespace tablemap
