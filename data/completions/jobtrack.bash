# bash completion for jobtrack(1)
#
# The candidates come from `jobtrack __complete WORD…`: commands and options as the
# program itself lists them, and live values (application ids with their company,
# contact names, statuses) from the database named on the line (--db) or the default.

_jobtrack()
{
    local cur prev words cword
    # Keep "--status=ap" and "a:b" whole; the '=' part is handled below.
    _init_completion -n =: || return

    local program=${words[0]} line value
    local IFS=$'\n'
    local -a lines
    lines=($("$program" __complete "${words[@]:1:cword}" 2>/dev/null)) || return

    COMPREPLY=()
    if [[ ${lines[0]-} == ":files" ]]; then
        _filedir
        return
    fi
    for line in "${lines[@]}"; do
        value=${line%%$'\t'*}
        [[ $value == "$cur"* ]] || continue
        # Readline replaces only what follows the last '=' (a word break).
        if [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]]; then
            value=${value#"${cur%=*}="}
        fi
        if [[ $value == *[[:space:]]* ]]; then
            printf -v value '%q' "$value"
        fi
        COMPREPLY+=("$value")
    done
} &&
    complete -F _jobtrack jobtrack
