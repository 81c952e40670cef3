/** Help texts. Kept free of imports so `--help` loads nothing but this. */

export const PROGRAM = 'sls-creds-wizard';

export const mainHelp = `${PROGRAM}: get Serverless Framework deploys working with the right AWS credentials

Usage
  ${PROGRAM}                    set up AWS credentials step by step (interactive)
  ${PROGRAM} doctor [options]   say which credentials a deploy uses, why, whether AWS accepts them, and the fix
  ${PROGRAM} profile <action>   set, list, remove or restore AWS profiles, changing nothing else in ~/.aws
  ${PROGRAM} init-team          write the team settings (each stage's profile and AWS account) into serverless.yml
  ${PROGRAM} help [command]     show help for a command

Options
  -h, --help     show help (also after a command: ${PROGRAM} doctor --help, ${PROGRAM} profile --help)
  --version      print the version
  --debug        show stack traces for unexpected errors

Examples
  npx ${PROGRAM}                          open the set-up wizard here (in a team's repo: every stage)
  ${PROGRAM} doctor --stage prod          which credentials \`serverless deploy --stage prod\` uses
  ${PROGRAM} doctor --offline --json      the same as JSON, without asking AWS
  ${PROGRAM} doctor --all-stages --json   (CI) fail when a stage would deploy to the wrong account
  ${PROGRAM} init-team                    (team lead) record each stage's profile and account
  ${PROGRAM} profile list                 every AWS profile, keys masked

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
      --all-stages             check every stage: those in custom.deployAccounts, else those the service file
                               names; a table (no full screen) or, with --json, one JSON document; not with --stage
      --debug                  show stack traces for unexpected errors
  -h, --help                   show this help

Without a terminal (pipes, CI) the doctor prints plain text; with one it opens a full-screen view
(↑/↓ move, Enter details, q quit). --all-stages always prints text: one row per stage, then the fixes.

Examples
  ${PROGRAM} doctor
  ${PROGRAM} doctor --stage prod --aws-profile prod-deployer
  ${PROGRAM} doctor --offline --json > report.json
  ${PROGRAM} doctor --all-stages --json
  ${PROGRAM} doctor --explain "The security token included in the request is invalid."
  serverless deploy 2>&1 | ${PROGRAM} doctor --explain

Exit codes
  0 nothing failed   1 a check failed or no usable credentials   2 usage error   130 interrupted (Ctrl-C)
`;

export const profileHelp = `${PROGRAM} profile: save, list, remove and restore AWS profiles, changing nothing else in the files

Usage
  ${PROGRAM} profile set [name] [options]      save an access key (as \`serverless config credentials\`)
  ${PROGRAM} profile list [--json]             every profile: kind, file and line (keys masked)
  ${PROGRAM} profile remove <name> [options]   remove a profile from both files
  ${PROGRAM} profile restore [options]         put a file back as it was before a change

profile set
  -n, --profile <name>          the profile (default: default); also as a word: profile set dev
  -k, --key <id>                the access key ID (asked for on a terminal when left out)
  -s, --secret <secret>         the secret access key; it stays in your shell history and shows in \`ps\`,
                                so prefer the masked prompt (leave it out) or --secret-stdin
      --secret-stdin            read the secret access key from stdin
      --session-token <token>   the session token of a temporary (ASIA…) key
  -r, --region <region>         the profile's region (written to the config file)
  -o, --overwrite               replace a profile that already exists
      --verify                  ask AWS (STS) whether it accepts the key; a rejected key is not saved
      --timeout <seconds>       give up on AWS after this long (default: 10)
  -p, --provider aws            accepted, as by \`serverless config credentials\`

profile restore
      --backup <file>           the backup to put back (default: choose from a numbered list)

Options for set, remove and restore
  -y, --yes                     write without asking (needed without a terminal, and with --json)
      --dry-run                 show the change (secrets masked) and write nothing
      --allow-unparseable       edit a file the AWS CLI cannot parse (it is refused otherwise)
      --json                    print the result as JSON (for scripts)
      --debug                   show stack traces for unexpected errors
  -h, --help                    show this help

The files are AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE, else ~/.aws/credentials and ~/.aws/config.
Keys go to the credentials file, everything else to the config file. Every change is shown as a diff with
secrets masked, confirmed, then written under a lock: a timestamped backup (the newest 10 kept), an atomic
replace keeping the file's mode, and a re-read.

Examples
  ${PROGRAM} profile set dev --key AKIAIOSFODNN7EXAMPLE --region eu-west-1
  pass show aws/dev | ${PROGRAM} profile set -n dev -k AKIAIOSFODNN7EXAMPLE --secret-stdin --yes --verify
  ${PROGRAM} profile list --json
  ${PROGRAM} profile remove old-sandbox
  ${PROGRAM} profile restore

Exit codes
  0 done (or nothing to change)   1 refused, declined, rejected by AWS, or the write failed   2 usage error   130 interrupted (Ctrl-C)
`;

export const initTeamHelp = `${PROGRAM} init-team: write the team settings into serverless.yml — each stage's profile, AWS account,
region and role — so every teammate deploys each stage with the same profile, into the right account

Usage
  ${PROGRAM} init-team [options]

It writes custom.deployAccounts.<stage> (profile, account, region, role_arn, source_profile, mfa_serial,
external_id) and provider.profile: \${self:custom.deployAccounts.\${sls:stage}.profile}, changing nothing
else in the file (comments, order, quoting and CloudFormation tags stay). On a terminal without --stage it asks
for the stages and their profiles. Each account is read from AWS (STS) with the stage's profile, or from --role.

Stages (repeat each option once per stage)
  -s, --stage <stage>=<profile>         a stage and the profile everybody uses for it
      --account <stage>=<12 digits>     the stage's AWS account (default: asked of STS with the profile)
      --role <stage>=<role ARN>         a role the stage's profile assumes (its account is the stage's account)
      --source-profile <stage>=<name>   the profile with the person's own keys the role is assumed from
      --mfa-serial <stage>=<MFA ARN>    an MFA device the role requires
      --external-id <stage>=<id>        the external id the role's trust policy requires
  -r, --region <stage>=<region>         the stage's region (default: provider.region)

Options
  -c, --config <file>        the service file (default: serverless.yml/.yaml in this folder)
      --replace-profile      replace a provider.profile that holds something else (e.g. the wizard's
                             \${self:custom.profiles.\${sls:stage}}: the block carries the same profile names)
      --keep-profile         leave provider.profile as it is; write only custom.deployAccounts
      --offline              do not ask AWS: then --account is needed for each stage without --role
      --timeout <seconds>    give up on AWS after this long (default: 10)
  -y, --yes                  write without asking (needed without a terminal, and with --json)
      --dry-run              show the change and write nothing
      --json                 print the result as JSON (for scripts)
      --debug                show stack traces for unexpected errors
  -h, --help                 show this help

The change is shown as a diff, confirmed, then written with a backup beside the file and an atomic replace.
Commit serverless.yml afterwards: a teammate's \`${PROGRAM}\` then sets up each stage's profile, and
\`${PROGRAM} doctor\` fails when a stage's credentials resolve to another account.

Examples
  ${PROGRAM} init-team
  ${PROGRAM} init-team --stage dev=acme-dev --stage prod=acme-prod --yes
  ${PROGRAM} init-team --offline --stage dev=acme-dev --account dev=111111111111 --dry-run
  ${PROGRAM} init-team --stage prod=acme-prod --role prod=arn:aws:iam::222222222222:role/deployer \\
      --source-profile prod=acme-base --region prod=eu-west-1

Exit codes
  0 written (or nothing to change)   1 refused, declined, AWS did not answer, or the write failed   2 usage error   130 interrupted (Ctrl-C)
`;
