# fish completion for jobtrack(1).
#
# The candidates come from `jobtrack __complete WORD…` as "value<TAB>description" lines,
# which fish shows as they are: commands and options as the program itself lists them,
# and live values (application ids with their company, contact names, statuses).

function __jobtrack_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l lines ($tokens[1] __complete $tokens[2..-1] "$current" 2>/dev/null)
    if test "$lines[1]" = ":files"
        __fish_complete_path "$current"
        return
    end
    printf '%s\n' $lines
end

complete -c jobtrack -f -a '(__jobtrack_complete)'
