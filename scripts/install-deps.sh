#!/usr/bin/env bash
# Installs the Debian 12 packages tablemap needs, and nothing when all are present.
# Run by `make build`, `make run`, `make test` and `make bench`.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libboost-graph-dev        # the organization graph and its algorithms
  libgraphviz-dev           # cgraph + gvc layouts for the map
  graphviz                  # the sfdp command: reference in bench_map
  libimgui-dev libstb-dev   # Dear ImGui 1.86 (pkg-config imgui needs stb)
  libglfw3-dev libgl-dev    # window and OpenGL context
  catch2                    # unit tests (v2.13)
  nlohmann-json3-dev        # community.json and --json output
  libsqlite3-dev            # the .tablemap project file
  sqlite3                   # tests: another program (the sqlite3 shell) edits a project file
  libcli11-dev              # command-line parsing
  libfmt-dev                # formatting of reports
  xvfb xauth                # GUI tests under a virtual display
  fonts-dejavu-core         # the map's font (DejaVu Sans, regular and bold)
  libmd4c-dev               # Markdown of the trainer captions in the map
  tesseract-ocr tesseract-ocr-eng  # map tests read the Backbone roles panel as a reader would
  python3 python3-igraph    # reference tool in benchmarks; reads the GraphML/GEXF exports back in tests
  python3-networkx          # tests: reads the GraphML, GEXF and Kumu exports back (Debian 12: networkx 2.8)
  libxml2-utils             # tests: xmllint checks the GraphML and GEXF exports
  chromium                  # tests: opens and prints the board report; `report --pdf` prints with it
  poppler-utils             # tests: pdftotext / pdftoppm read the printed report back
  libzip-dev                # the .xlsx container (a zip archive), read
  libpugixml-dev            # the XML inside workbooks, GraphML and GEXF imports
  libxlsxwriter-dev         # .xlsx workbooks, written
  python3-openpyxl          # tests: workbooks written and read by another program
  clang-14 libclang-rt-14-dev  # make test-sanitize and make fuzz: ASan, UBSan and libFuzzer runtimes
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "tablemap: installing missing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
