#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine of this kind (.NET SDK present):
# the oracles the tests compare against (pydicom + numpy/scipy, nibabel, dcmtk, dicom3tools, GDCM, dcm2niix). The product itself needs none of them.
set -euo pipefail
packages=(python3-pydicom python3-numpy python3-scipy python3-nibabel dcmtk dicom3tools libgdcm-tools dcm2niix)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
