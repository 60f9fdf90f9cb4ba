"""Calendar feeds: assignments as iCalendar events and to-dos, per unit, per plan and for coordinators."""
