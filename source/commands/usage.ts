/** Help texts. Kept free of imports so `--help` loads nothing but this. */

export const PROGRAM = 'sls-creds-wizard';

export const mainHelp = `${PROGRAM}: get Serverless Framework deploys working with the right AWS credentials

Usage
  ${PROGRAM}                    set up AWS credentials step by step (interactive)
  ${PROGRAM} doctor [options]   say which credentials a deploy uses, why, whether AWS accepts them, and the fix
  ${PROGRAM} help [command]     show help for a command

Options
  -h, --help     show help (also after a command: ${PROGRAM} doctor --help)
  --version      print the version
  --debug        show stack traces for unexpected errors

Exit codes
  0 nothing failed   1 a check failed or no usable credentials   2 usage error   130 interrupted (Ctrl-C)
`;

export const doctorHelp = `${PROGRAM} doctor: which AWS credentials \`serverless deploy\` would use, why, and whether AWS accepts them

Usage
  ${PROGRAM} doctor [options]

Deploy options (the same as \`serverless deploy\`)
  -s, --stage <stage>          the stage to deploy (default: provider.stage, then dev)
  -r, --region <region>        the region to deploy to
      --aws-profile <name>     an AWS profile, as \`serverless deploy --aws-profile\` (not --profile)
  -c, --config <file>          the service file (default: serverless.yml/.yaml/.json in this folder)
      --use-local-credentials  ignore Serverless Dashboard provider credentials (Serverless v3)
      --org <org>              Serverless Dashboard org
      --app <app>              Serverless Dashboard app

Doctor options
      --framework <v3|v4>      which Serverless rules to follow (default: frameworkVersion, then the installed one)
      --offline                do not ask AWS (STS) who the credentials belong to
      --timeout <seconds>      give up on AWS after this long (default: 10)
      --json                   print the report as JSON (for scripts and CI)
      --plain                  print plain text instead of the full-screen view
      --explain [text]         explain an error message from a failed deploy (reads stdin when text is omitted)
      --debug                  show stack traces for unexpected errors
  -h, --help                   show this help

Without a terminal (pipes, CI) the doctor prints plain text; with one it opens a full-screen view
(↑/↓ move, Enter details, q quit).

Examples
  ${PROGRAM} doctor
  ${PROGRAM} doctor --stage prod --aws-profile prod-deployer
  ${PROGRAM} doctor --offline --json > report.json
  ${PROGRAM} doctor --explain "The security token included in the request is invalid."
  serverless deploy 2>&1 | ${PROGRAM} doctor --explain

Exit codes
  0 nothing failed   1 a check failed or no usable credentials   2 usage error   130 interrupted (Ctrl-C)
`;
