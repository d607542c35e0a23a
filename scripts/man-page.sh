#!/usr/bin/env bash
# Prints a man page for distill-roi built from the --help of the root command and every
# subcommand (ArgumentParser's own text, so the page never disagrees with the tool).
# Usage: scripts/man-page.sh PATH-TO-distill-roi > distill-roi.1
set -euo pipefail
bin=$1
escape() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/"; }
echo ".TH DISTILL-ROI 1 \"\" \"distill-roi\" \"User Commands\""
echo ".SH NAME"
echo "distill-roi \\- prices LLM usage exactly and reports the ROI of distillation"
commands=("")
while read -r line; do commands+=("$line"); done < <(
    "$bin" --help | awk '/^SUBCOMMANDS:/{on=1; next} on && /^  [a-z]/{print $1}'
)
for command in "${commands[@]}"; do
    subcommands=("")
    if [ -n "$command" ]; then
        while read -r line; do subcommands+=("$line"); done < <(
            "$bin" "$command" --help | awk '/^SUBCOMMANDS:/{on=1; next} on && /^  [a-z]/{print $1}'
        )
    fi
    for sub in "${subcommands[@]}"; do
        name="distill-roi${command:+ $command}${sub:+ $sub}"
        echo ".SH \"$(echo "$name" | tr a-z A-Z)\""
        echo ".nf"
        # shellcheck disable=SC2086
        "$bin" $command $sub --help | escape
        echo ".fi"
    done
done
