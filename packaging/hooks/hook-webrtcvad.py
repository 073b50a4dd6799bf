# Replaces pyinstaller-hooks-contrib's hook for `webrtcvad`, which copies the metadata of the
# "webrtcvad" distribution and so fails the build when the module comes from "webrtcvad-wheels"
# (the maintained fork with binary wheels, the one we install). The module asks for its own
# version under that name, so that is the metadata to bundle. User hooks outrank contrib ones.
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("webrtcvad-wheels")
