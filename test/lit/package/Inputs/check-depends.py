"""Checks that a .deb's Depends names the package of every shared library
its programs link directly: check-depends.py DEB ROOT (ROOT: the unpacked .deb).
Prints "every library's package is a dependency" or the missing ones."""
import os
import re
import subprocess
import sys

deb, root = sys.argv[1], sys.argv[2]
fields = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], check=True,
                        capture_output=True, text=True).stdout
depends = {d.strip().split()[0] for d in fields.split(",")}


def owner(path):
    """The package that installed `path`: the file a symlink names first
    (libLLVM's symlink in /usr/lib/llvm-22/lib is llvm-22-dev's), then the
    path itself (with merged /usr, dpkg may know /lib/... only)."""
    for candidate in (os.path.realpath(path), path):
        found = subprocess.run(["dpkg", "-S", candidate], capture_output=True,
                               text=True).stdout
        if found:
            return found.split(":")[0]
    return "(no package)"


missing = set()
for folder, _, files in os.walk(os.path.join(root, "usr", "bin")):
    for name in files:
        path = os.path.join(folder, name)
        dynamic = subprocess.run(["readelf", "-d", path], check=True,
                                 capture_output=True, text=True).stdout
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(\S+)\]", dynamic)
        loaded = dict(re.findall(r"^\s*(\S+) => (/\S+)", subprocess.run(
            ["ldd", path], check=True, capture_output=True, text=True).stdout,
            re.M))
        for library in needed:
            # The dynamic loader, which ldd lists by its path alone, is libc6's.
            package = owner(loaded[library]) if library in loaded else "libc6"
            if package not in depends:
                missing.add(f"{library} ({package})")
print("every library's package is a dependency" if not missing else
      "missing: " + ", ".join(sorted(missing)))
