# ~/.zshrc on noc-jump-01 (shared NOC account; see the wiki before changing)
export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git kubectl ansible)
source $ZSH/oh-my-zsh.sh

export EDITOR=vim
export ANSIBLE_VAULT_PASSWORD_FILE=~/.ansible/vault-pass.sh
export HF_TOKEN=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
export DISPATCH_API_TOKEN='eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtN2ljcmQyb2siLCJpc3MiOiJodHRwczovL3Nzby5kdW5saW4ubmV0IiwiYXVkIjoic2VsZmNhcmUtYXBpIiwiaWF0IjoxNzk2NTI1MDQyLCJleHAiOjE4MjgwNjEwNDIsInNjb3BlIjoicHJvdmlzaW9uaW5nOndyaXRlIn0.v6TTrlgT6OqyCTN5WFOuPsZ6ZHFXqj3iFNh4atIh_rE'
alias chq='clickhouse-client --host ch.lake.dunlin.net --secure --user noc --password EhrNo11+l-nJ5.pLR1NH'
