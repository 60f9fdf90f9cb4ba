// Reads .ics files named on the command line with ical.js and prints, per file, each VEVENT/VTODO's
// uid, date (DTSTART of an event, DUE of a to-do), summary and status as JSON.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = {};
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  const items = [];
  for (const kind of ["vevent", "vtodo"]) {
    for (const item of root.getAllSubcomponents(kind)) {
      const when = item.getFirstPropertyValue(kind === "vevent" ? "dtstart" : "due");
      items.push({
        kind,
        uid: item.getFirstPropertyValue("uid"),
        date: when ? when.toString().slice(0, 10) : null,
        summary: item.getFirstPropertyValue("summary"),
        status: item.getFirstPropertyValue("status"),
        sequence: item.getFirstPropertyValue("sequence"),
      });
    }
  }
  out[path] = { name: root.getFirstPropertyValue("x-wr-calname"), items };
}
process.stdout.write(JSON.stringify(out));
