complete -c update-secret-version-stage -l secret-id -d 'The ARN or the name of the secret with the version and staging labels to modify' -r
complete -c update-secret-version-stage -l version-stage -d 'The staging label to add to this version' -r
complete -c update-secret-version-stage -l remove-from-version-id -d 'The ID of the version that the staging label is to be removed from' -r
complete -c update-secret-version-stage -l move-to-version-id -d 'The ID of the version to add the staging label to' -r
complete -c update-secret-version-stage -l cli-input-json -d 'Reads arguments from the JSON string provided' -r
complete -c update-secret-version-stage -l cli-input-yaml -d 'Reads arguments from the YAML string provided' -r
complete -c update-secret-version-stage -l generate-cli-skeleton -d 'Prints a JSON skeleton to standard output without sending an API request' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c update-secret-version-stage -l endpoint-url -d 'Override command\'s default URL with the given URL' -r
complete -c update-secret-version-stage -l output -d 'The formatting style for command output' -r -f -a "json\t''
text\t''
table\t''
yaml\t''
yaml-stream\t''
off\t''"
complete -c update-secret-version-stage -l query -d 'A JMESPath query to use in filtering the response data' -r
complete -c update-secret-version-stage -l profile -d 'Use a specific profile from your credential file' -r
complete -c update-secret-version-stage -l region -d 'The region to use' -r
complete -c update-secret-version-stage -l color -d 'Turn on/off color output' -r -f -a "on\t''
off\t''
auto\t''"
complete -c update-secret-version-stage -l ca-bundle -d 'The CA certificate bundle to use when verifying SSL certificates' -r
complete -c update-secret-version-stage -l cli-read-timeout -d 'The maximum socket read time in seconds (0: blocking)' -r
complete -c update-secret-version-stage -l cli-connect-timeout -d 'The maximum socket connect time in seconds (0: blocking)' -r
complete -c update-secret-version-stage -l cli-binary-format -d 'The formatting style to be used for binary blobs' -r -f -a "base64\t''
raw-in-base64-out\t''"
complete -c update-secret-version-stage -l cli-error-format -d 'The formatting style for error output' -r -f -a "legacy\t''
json\t''
yaml\t''
text\t''
table\t''
enhanced\t''"
complete -c update-secret-version-stage -l debug -d 'Turn on debug logging'
complete -c update-secret-version-stage -l no-verify-ssl -d 'By default, the AWS CLI uses SSL when communicating with AWS services'
complete -c update-secret-version-stage -l no-paginate -d 'Disable automatic pagination'
complete -c update-secret-version-stage -l version -d 'Display the version of this tool'
complete -c update-secret-version-stage -l no-sign-request -d 'Do not sign requests'
complete -c update-secret-version-stage -l no-cli-pager -d 'Disable cli pager for output'
complete -c update-secret-version-stage -l cli-auto-prompt -d 'Automatically prompt for CLI input parameters'
complete -c update-secret-version-stage -l no-cli-auto-prompt -d 'Disable automatically prompt for CLI input parameters'
