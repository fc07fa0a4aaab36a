"""English strings of the pure domain modules, marked here so `makemessages` puts them in this
app's catalogue.

The domain modules import no Django and do not mark their strings; the web layer translates state and
transition labels, precondition sentences and violation templates with ``gettext(text)`` and fills the
``{placeholders}`` afterwards, so numbers never end up inside translated text.
"""

from kechuang.i18n import gettext_noop

DOMAIN_STRINGS = (
    gettext_noop('Draft'),
    gettext_noop('Submit'),
    gettext_noop('Withdraw'),
    gettext_noop('Submitted'),
    gettext_noop('Recommend'),
    gettext_noop('Return for revision'),
    gettext_noop('Start formal check'),
    gettext_noop('Recommended'),
    gettext_noop('Formal check'),
    gettext_noop('Pass formal check'),
    gettext_noop('Reject'),
    gettext_noop('Returned to applicant'),
    gettext_noop('Resubmit'),
    gettext_noop('Expert review'),
    gettext_noop('Close expert review'),
    gettext_noop('Comprehensive check'),
    gettext_noop('Award'),
    gettext_noop('Awarded'),
    gettext_noop('Draft contract'),
    gettext_noop('Rejected'),
    gettext_noop('Contract drafted'),
    gettext_noop('Sign contract'),
    gettext_noop('Contract signed'),
    gettext_noop('Start project'),
    gettext_noop('In progress'),
    gettext_noop('Record mid-term check'),
    gettext_noop('Mid-term checked'),
    gettext_noop('Request acceptance'),
    gettext_noop('Acceptance requested'),
    gettext_noop('Pass acceptance'),
    gettext_noop('Fail acceptance'),
    gettext_noop('Accepted'),
    gettext_noop('Record performance evaluation'),
    gettext_noop('Failed acceptance'),
    gettext_noop('Evaluated'),
    gettext_noop('Close'),
    gettext_noop('Closed'),
    gettext_noop('Withdrawn'),
    gettext_noop("the call's deadline has passed"),
    gettext_noop("the applicant does not meet the call's eligibility rules"),
    gettext_noop('the budget has rule violations'),
    gettext_noop('required attachments are missing'),
    gettext_noop('this call does not use a recommending unit'),
    gettext_noop("this call requires a recommending unit's endorsement first"),
    gettext_noop('a reason must be given'),
    gettext_noop('the formal check list is not complete'),
    gettext_noop('not every assigned expert has submitted a review'),
    gettext_noop('the applicant or its leader has an active integrity record'),
    gettext_noop("the award does not fit the call's remaining budget"),
    gettext_noop('the contract has no performance targets'),
    gettext_noop('the contract lacks a signature'),
    gettext_noop('the first instalment of funds has not been disbursed'),
    gettext_noop('the mid-term report has not been submitted'),
    gettext_noop('the final report has not been submitted'),
    gettext_noop('the acceptance panel has not given its opinion'),
    gettext_noop('the performance evaluation is not recorded'),
    gettext_noop("the project's accounts are not settled"),
    gettext_noop('{field} must not be negative (got {amount} yuan)'),
    gettext_noop('Direct costs total {declared} yuan but equipment, operations and labour add up to {computed} yuan'),
    gettext_noop('Requested total {declared} yuan differs from direct plus indirect costs, {computed} yuan'),
    gettext_noop('Indirect costs of {indirect} yuan exceed the cap of {cap} yuan on a base of {base} yuan (direct costs less equipment purchase)'),  # noqa: E501
    gettext_noop("Requested total {requested} yuan exceeds the call's cap of {cap} yuan per project"),
    gettext_noop('Self-raised funds of {self_raised} yuan are below {ratio} of the requested {requested} yuan (at least {needed} yuan)'),  # noqa: E501
    gettext_noop('Project leader {leader} already leads {count} open projects; the limit is {limit}'),
    gettext_noop('Organisation type {type} may not apply (allowed: {allowed})'),
    gettext_noop("Region {region} is outside the call's area ({prefixes})"),
    gettext_noop('The call requires the qualification {qualification}'),
    gettext_noop('Self-raised funds of {self_raised} yuan are below {ratio} of the requested {requested} yuan'),
    gettext_noop('Submitted at {submitted} after the deadline {deadline}'),
    gettext_noop('{kind} {subject} has an active integrity record ({severity}) in force from {start} until {end}'),
)

# Reasons of access refusals (kechuang.projects.access), shown translated on the 403 page.
ACCESS_STRINGS = (
    gettext_noop("This application is not assigned to you for review."),
    gettext_noop("This application belongs to another organisation."),
    gettext_noop("Reviewers stay anonymous under blind review."),
    gettext_noop("Your role may not take this step on this application."),
    gettext_noop("Only enterprise and university users may apply."),
    gettext_noop("Only the applicant may edit this application."),
    gettext_noop("Experts do not see the applicant under blind review."),
)

# Assignment rule violations (domain.assignment.validate_assignment), shown when an officer's change is refused.
ASSIGNMENT_STRINGS = (
    gettext_noop("Application {app} has {count} experts; {k} are required"),
    gettext_noop("Expert {expert} appears twice on application {app}"),
    gettext_noop("Expert {expert} has {load} applications; the cap is {cap}"),
    gettext_noop("Expert {expert} is not available for this round"),
    gettext_noop("Expert {expert} may not review application {app}: {detail}"),
)

# Reasons of the ranking (domain.scoring.rank_and_fund), shown on the ranking page and stored as award notes.
SCORING_STRINGS = (
    gettext_noop("score {score} is below the pass mark {pass_mark}"),
    gettext_noop("below the cut line: the topic's budget is used up"),
    gettext_noop("funded in full"),
    gettext_noop("cut from {requested} to {proposed} yuan: the remaining budget covers {share} of the request"),
    gettext_noop("not funded: {remaining} yuan remain, less than {min_share} of the {requested} yuan requested"),
)
