"""Apply the PS3.15 Annex E Basic Profile with pydicom, the way a pydicom user writes it (Dataset.walk), timed inside
the interpreter.

Usage: python3 pydicom_anonymize.py TABLE.json LISTFILE OUTDIR SECRET_HEX
TABLE.json is shared/dicom-standard/confidentiality_profile_attributes.json (PS3.15 Table E.1-1), the same table the
imaging.anonymizer plugin is generated from. Per element (recursively, through Dataset.walk):
  X remove, Z empty, D dummy value by VR, U HMAC-SHA256(secret, uid) -> 2.25.<decimal>, K/C keep;
  combined codes take the code that keeps the attribute (X/Z -> Z, X/D and X/Z/D and Z/D -> D, X/Z/U* -> U), which
  is what our plugin does for Type 1 and 2 attributes of the IOD (it decides per IOD; this script does not look the
  IOD up, which only makes it faster). Group patterns (50xx,xxxx), (60xx,3000), (60xx,4000) and every private
  element are removed. Patient Identity Removed = YES, De-identification Method is set, the file is written to
  OUTDIR/<new SOP Instance UID>.dcm. Prints one JSON line: {"files": N, "seconds": S, "actions": {...}}.
"""
import hashlib
import hmac
import json
import os
import re
import sys
import time

import pydicom
from pydicom.tag import Tag

RESOLVE = {"X/Z": "Z", "X/D": "D", "X/Z/D": "D", "Z/D": "D", "X/Z/U*": "U"}
DUMMY = {
    "PN": "ANONYMOUS", "DA": "19000101", "TM": "000000.00", "DT": "19000101000000", "AS": "000Y", "CS": "ANON",
    "LO": "ANONYMOUS", "SH": "ANONYMOUS", "LT": "ANONYMOUS", "ST": "ANONYMOUS", "UT": "ANONYMOUS", "UC": "ANONYMOUS",
    "AE": "ANONYMOUS", "UR": "", "DS": "0", "IS": "0", "US": 0, "SS": 0, "UL": 0, "SL": 0, "FL": 0.0, "FD": 0.0,
}


def load_rules(path):
    exact, patterns = {}, []
    with open(path, encoding="utf-8") as f:
        for row in json.load(f):
            action = RESOLVE.get(row["basicProfile"], row["basicProfile"])
            m = re.fullmatch(r"\(([0-9A-F]{4}),([0-9A-F]{4})\)", row["tag"])
            if m:
                exact[Tag(int(m.group(1), 16), int(m.group(2), 16))] = action
            elif row["tag"].startswith("(50XX,XXXX)"):
                patterns.append((0x5000, None, action))
            elif row["tag"].startswith("(60XX,"):
                patterns.append((0x6000, int(row["tag"][6:10], 16), action))
    return exact, patterns


def main() -> int:
    table, listfile, outdir, secret_hex = sys.argv[1:5]
    exact, patterns = load_rules(table)
    secret = bytes.fromhex(secret_hex)
    with open(listfile, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    counts = {}

    def new_uid(uid):
        digest = hmac.new(secret, uid.encode("ascii"), hashlib.sha256).digest()[:16]
        return "2.25." + str(int.from_bytes(digest, "big"))

    def action_for(tag):
        a = exact.get(tag)
        if a is not None:
            return a
        for group, element, act in patterns:
            if tag.group & 0xFF00 == group and (element is None or tag.element == element):
                return act
        return None

    def callback(ds, elem):
        if elem.tag.is_private:
            del ds[elem.tag]
            counts["X"] = counts.get("X", 0) + 1
            return
        a = action_for(elem.tag)
        if a is None or a in ("K", "C"):
            return
        counts[a] = counts.get(a, 0) + 1
        if a == "X":
            del ds[elem.tag]
        elif a == "Z":
            elem.value = [] if elem.VR == "SQ" else None
        elif a == "D":
            if elem.VR != "SQ":
                elem.value = DUMMY.get(elem.VR, None)
        elif a == "U":
            if elem.VR == "UI" and elem.value:
                elem.value = new_uid(str(elem.value)) if elem.VM == 1 else [new_uid(str(v)) for v in elem.value]

    start = time.perf_counter()
    for path in paths:
        ds = pydicom.dcmread(path)
        ds.walk(callback)
        ds.PatientIdentityRemoved = "YES"
        ds.DeidentificationMethod = "PS3.15 Basic Application Level Confidentiality Profile"
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.save_as(os.path.join(outdir, str(ds.SOPInstanceUID) + ".dcm"), write_like_original=False)
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(paths), "seconds": seconds, "actions": counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
