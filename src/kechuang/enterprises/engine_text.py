# ruff: noqa: E501 (the templates are kept whole so they match the engine's strings exactly)
"""The qualification engine's message templates, listed so ``makemessages`` puts them in this app's
catalogue.

The engine (``rules/``) returns English ``str.format`` templates with their values and does not mark
them for translation; :func:`kechuang.enterprises.presenters.text` translates them at display time.
Regenerate this list from ``rules/`` when the engine's wording changes (a template missing here is
shown in English).
"""

from kechuang.i18n import gettext_noop

ENGINE_TEMPLATES = (
    gettext_noop('Industry excluded from the super deduction'),
    gettext_noop('First five categories'),
    gettext_noop('Cap on other related expenses'),
    gettext_noop('Other related expenses allowed'),
    gettext_noop('Eligible expensed R&D'),
    gettext_noop('Additional deduction on expensed R&D'),
    gettext_noop('Total additional deduction'),
    gettext_noop('Amortisation base of R&D intangible assets'),
    gettext_noop('Tax amortisation for the year'),
    gettext_noop('Additional deduction through amortisation'),
    gettext_noop('Registered less than one year ago: eligible from {eligible_from}, in {wait} days'),
    gettext_noop('No usable IP: at least 1 IP item supporting the main products is needed'),
    gettext_noop('S&T staff are {ratio:.2%} of employees; {required:.0%} needs {hire} more S&T staff hired (or {reassign} existing employees moved into S&T work)'),
    gettext_noop('R&D expense is {ratio:.2%} of sales; {required:.0%} needs {shortfall:,.2f} yuan more over {years} year(s)'),
    gettext_noop('R&D in China is {ratio:.2%} of all R&D; {required:.0%} needs {shortfall:,.2f} yuan more R&D spent in China over {years} year(s)'),
    gettext_noop('High-tech income is {ratio:.2%} of total income; {required:.0%} needs {shortfall:,.2f} yuan more high-tech income in {year}'),
    gettext_noop('Innovation score is at most {high} points; {required} needs {short} more points'),
    gettext_noop('Registered on {registered_on}, {days} days before the assessment date'),
    gettext_noop('Owns {class_i} Class I and {class_ii} usable Class II IP item(s)'),
    gettext_noop('Main products are not in any of the eight supported high-tech fields'),
    gettext_noop('S&T staff are {staff} of {employees} employees ({ratio:.2%})'),
    gettext_noop('R&D expense is {ratio:.2%} of sales over {years} year(s); {required:.0%} is required for latest-year sales of {latest_sales:,.2f} yuan'),
    gettext_noop('R&D expense in China is {ratio:.2%} of all R&D expense'),
    gettext_noop('High-tech product/service income is {ratio:.2%} of total income in {year}'),
    gettext_noop('Innovation score {low}–{high} points; {required} are required'),
    gettext_noop('Innovation score {low}–{high}: passes only if the experts give at least {required} points'),
    gettext_noop('Main products are in the field {field}'),
    gettext_noop('No employee count: the S&T staff share cannot be judged'),
    gettext_noop('No sales revenue in the assessed years: the R&D ratio cannot be judged'),
    gettext_noop('No R&D expense in the assessed years: the domestic share cannot be judged'),
    gettext_noop('No total income in the latest year: the high-tech share cannot be judged'),
    gettext_noop('IP: {class_i} Class I and {class_ii} usable Class II item(s); advancement {advancement}, core support {core_support}, number {number}, acquisition {acquisition}, standards bonus {bonus} points (total capped at {cap})'),
    gettext_noop('{average:.2f} achievements converted per year on average over {years} year(s)'),
    gettext_noop('R&D organisation: management system {management_system}, institution and cooperation {institution_and_cooperation}, conversion incentives {conversion_incentives}, talent system {talent_system} points'),
    gettext_noop('Net-asset growth rate {rate:.2%} over {years} year(s)'),
    gettext_noop('Sales growth rate {rate:.2%} over {years} year(s)'),
    gettext_noop('Net-asset growth cannot be rated from {years} year(s): 0 points'),
    gettext_noop('Sales growth cannot be rated from {years} year(s): 0 points'),
    gettext_noop('{actual} employees against a limit of {limit}'),
    gettext_noop('Sales revenue {actual:,.2f} yuan against a limit of {limit:,.2f} yuan'),
    gettext_noop('Total assets {actual:,.2f} yuan against a limit of {limit:,.2f} yuan'),
    gettext_noop('{excess} employees over the limit of {limit}: too large for a tech-based SME'),
    gettext_noop('Sales revenue is {excess:,.2f} yuan over the limit of {limit:,.2f} yuan: too large for a tech-based SME'),
    gettext_noop('Total assets are {excess:,.2f} yuan over the limit of {limit:,.2f} yuan: too large for a tech-based SME'),
    gettext_noop('Score {score} points ({staff_points} for S&T staff); {required} are required'),
    gettext_noop('Excluded: restricted products {restricted}, serious incident or dishonesty record {incident}'),
    gettext_noop('Score is {score} points; {required} needs {short} more points'),
    gettext_noop('1 Class I IP item gives {top} points for IP'),
    gettext_noop('R&D is {sales_ratio:.2%} of sales: {points} points'),
    gettext_noop('R&D is {sales_ratio:.2%} of sales and {cost_ratio:.2%} of costs: {points} points'),
    gettext_noop('No figure for the latest year: the size limit cannot be judged'),
    gettext_noop('Not on any excluded list as far as the data shows'),
    gettext_noop('{hire} more S&T staff reach {share:.0%} of employees: {points} points instead of {now}'),
    gettext_noop('{more:,.2f} yuan more R&D reaches {rate:.0%} of sales: {points} points for R&D input'),
    gettext_noop('{more} more Class II IP item(s) give {points} points (1 Class I item gives {top})'),
    gettext_noop('S&T staff share {ratio:.2%}: {points} points'),
    gettext_noop('{class_i} Class I and {class_ii} Class II IP item(s): {points} points'),
)
