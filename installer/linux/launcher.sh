#!/bin/sh
# /usr/bin/policy-editor: start the bundled app (GUI without arguments, else the command line).
exec /opt/policy-editor/policy-editor "$@"
