# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for increase-connections: the commands, each command's flags (the
# connection flags everywhere, before or after the command) and the values of the flags
# that take a fixed set. Installed as share/bash-completion/completions/increase-connections;
# needs no helper from the bash-completion package. tests/package/check_completion.sh
# checks that every flag in `increase-connections [COMMAND] --help` is offered here.

_increase_connections()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local commands="export get applications watch summary"
    local common="--demo --environment --base-url --api-key-file --ca-file --http2-prior-knowledge
        --timeout-ms --max-retries --verbose --quiet --help --version"

    # The command is the first word that is neither a flag nor a flag's value.
    local command="" word i
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
        --environment | --base-url | --api-key-file | --ca-file | --timeout-ms | --max-retries)
            ((i++)) ;;
        -*) ;;
        *)
            command=$word
            break
            ;;
        esac
    done

    COMPREPLY=()
    case $prev in
    --environment)
        mapfile -t COMPREPLY < <(compgen -W "production sandbox local" -- "$cur")
        return ;;
    --api-key-file | --ca-file | --output | --state-file)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return ;;
    --status)
        if [[ $command == applications ]]; then
            mapfile -t COMPREPLY < <(compgen -W "active deleted all" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "active inactive all" -- "$cur")
        fi
        return ;;
    --format)
        case $command in
        get) mapfile -t COMPREPLY < <(compgen -W "json text" -- "$cur") ;;
        watch) mapfile -t COMPREPLY < <(compgen -W "jsonl text" -- "$cur") ;;
        summary) mapfile -t COMPREPLY < <(compgen -W "text csv jsonl" -- "$cur") ;;
        *) mapfile -t COMPREPLY < <(compgen -W "csv jsonl" -- "$cur") ;;
        esac
        return ;;
    --by)
        mapfile -t COMPREPLY < <(compgen -W "application day week month" -- "$cur")
        return ;;
    --base-url | --timeout-ms | --max-retries | --application | --columns | --parallel | \
        --rate-limit | --since | --interval | --now)
        return ;; # a value only the user knows
    esac

    local flags
    case $command in
    "")
        if [[ $cur != -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
            return
        fi
        flags=$common ;;
    export)
        flags="$common --status --application --format --columns --with-application-name
            --output --bom --parallel --rate-limit" ;;
    get) flags="$common --format" ;;
    applications) flags="$common --status --format --output" ;;
    watch) flags="$common --status --application --since --interval --once --state-file --format" ;;
    summary) flags="$common --by --status --application --format --output --local-time --now" ;;
    *) return ;;
    esac
    mapfile -t COMPREPLY < <(compgen -W "$flags" -- "$cur")
}
complete -F _increase_connections increase-connections
