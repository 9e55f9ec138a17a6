"""Lines of a made-up harbour story and what a page prints around it, shared by the HTML combination tests."""

from __future__ import annotations

STORY = [
    "The council voted on Tuesday to rebuild the harbour wall after the winter storms damaged it.",
    "Engineers said the work would take two years and cost more than the town had set aside for it.",
    "Residents who spoke at the meeting asked for the promenade to stay open while the crews work.",
    "The mayor said a second vote on the budget would follow in the spring, once the bids are in.",
]
TEASERS = [
    "Local team wins the regional cup after a late goal in extra time at the stadium on Sunday.",
    "Bakery on the high street closes after forty years as the owners retire to the countryside.",
    "New bus timetable starts next month with more evening services to the villages in the valley.",
]


MENU = "Home"
SHARE = "Share this"
# A long feature: trafilatura can stop at a markup boundary after its first paragraphs.
FEATURE = [
    *STORY,
    "Divers inspected the foundations last week and found the old stone in better shape than feared.",
    "The harbour master said fishing boats would moor at the north quay until the work is finished.",
]
# What a page prints right below a story: an author's note and a pitch, prose the page cleaner may keep.
AFTER_STORY = [
    "Jane Doe is a reporter for the Coast News and has covered the town council since the year 2015.",
    "Support local journalism today: become a member and read every story on the site without limits.",
]
