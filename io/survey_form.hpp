// The offline survey kit (`tablemap survey form`): one workbook with an
// Instructions sheet and a sheet per organization asked, listing every other
// organization with the questions of docs/survey.md as columns and the
// allowed answers as drop-downs. A filled form (or a folder of filled copies,
// one per partner who sent theirs back) reads back as a survey, through the
// same decoder as respondents.csv and answers.csv, so it is checked by the
// same rules, its problems located as BOOK.xlsx:SHEET:ROW.
#pragma once

#include <string>
#include <vector>

#include "core/community.hpp"
#include "io/survey_read.hpp"
#include "io/workbook_read.hpp"

namespace tablemap {

// What the top of an organization's sheet holds, in column A (matched by key:
// case, spaces, '_' and '-' ignored; only the start of the label counts).
inline constexpr const char* kFormAnswersOf = "Answers of";
inline constexpr const char* kFormOrganizationId = "Organization id";
inline constexpr const char* kFormAnswered = "Answered";
inline constexpr const char* kFormContributes = "What you contribute";
inline constexpr const char* kFormMostImportant = "Most important contribution";
// The partner table: the header row, its first cell "partner".
inline constexpr int kFormHeaderRow = 9;  // 1-based, as the spreadsheet shows it

// A form is too big for a spreadsheet past this many partner rows in all.
inline constexpr size_t kFormMaxRows = 1'000'000;

struct SurveyFormLayout {
  std::vector<uint32_t> asked;     // organization rows with a sheet, in community order
  std::vector<std::string> sheet;  // the sheet name of each
  size_t partner_rows = 0;         // rows of every sheet's partner table together
};

// The sheet names and sizes write_survey_form would use for `asked`
// (organization rows; empty: every organization).
SurveyFormLayout survey_form_layout(const Community& community, std::vector<uint32_t> asked);

// Writes the form at `path`, atomically. Throws SaveError.
void write_survey_form(const Community& community, const SurveyFormLayout& layout, const std::string& path);

// A workbook that holds at least one organization's form sheet.
bool is_survey_form(const Workbook& book);

// The survey in filled forms: each organization asked is the one its sheet's
// id names; its answers come from the copy where that sheet is filled in (an
// organization filled in two copies is a problem), and it did not respond when
// no copy fills its sheet in.
SurveyLoad read_survey_forms(const std::vector<Workbook>& books, const Community& community);

}  // namespace tablemap
