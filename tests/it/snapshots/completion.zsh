#compdef update-secret-version-stage

autoload -U is-at-least

_update-secret-version-stage() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--secret-id=[The ARN or the name of the secret with the version and staging labels to modify]:value:_default' \
'--version-stage=[The staging label to add to this version]:value:_default' \
'--remove-from-version-id=[The ID of the version that the staging label is to be removed from]:value:_default' \
'--move-to-version-id=[The ID of the version to add the staging label to]:value:_default' \
'--cli-input-json=[Reads arguments from the JSON string provided]:string:_default' \
'--cli-input-yaml=[Reads arguments from the YAML string provided]:string:_default' \
'--generate-cli-skeleton=[Prints a JSON skeleton to standard output without sending an API request]::string:(input yaml-input output)' \
'--endpoint-url=[Override command'\''s default URL with the given URL]:string:_default' \
'--output=[The formatting style for command output]:string:(json text table yaml yaml-stream off)' \
'--query=[A JMESPath query to use in filtering the response data]:string:_default' \
'--profile=[Use a specific profile from your credential file]:string:_default' \
'--region=[The region to use]:string:_default' \
'--color=[Turn on/off color output]:string:(on off auto)' \
'--ca-bundle=[The CA certificate bundle to use when verifying SSL certificates]:string:_default' \
'--cli-read-timeout=[The maximum socket read time in seconds (0\: blocking)]:int:_default' \
'--cli-connect-timeout=[The maximum socket connect time in seconds (0\: blocking)]:int:_default' \
'--cli-binary-format=[The formatting style to be used for binary blobs]:string:(base64 raw-in-base64-out)' \
'--cli-error-format=[The formatting style for error output]:string:(legacy json yaml text table enhanced)' \
'--debug[Turn on debug logging]' \
'--no-verify-ssl[By default, the AWS CLI uses SSL when communicating with AWS services]' \
'--no-paginate[Disable automatic pagination]' \
'--version[Display the version of this tool]' \
'--no-sign-request[Do not sign requests]' \
'--no-cli-pager[Disable cli pager for output]' \
'--cli-auto-prompt[Automatically prompt for CLI input parameters]' \
'--no-cli-auto-prompt[Disable automatically prompt for CLI input parameters]' \
&& ret=0
}

(( $+functions[_update-secret-version-stage_commands] )) ||
_update-secret-version-stage_commands() {
    local commands; commands=()
    _describe -t commands 'update-secret-version-stage commands' commands "$@"
}

if [ "$funcstack[1]" = "_update-secret-version-stage" ]; then
    _update-secret-version-stage "$@"
else
    compdef _update-secret-version-stage update-secret-version-stage
fi
