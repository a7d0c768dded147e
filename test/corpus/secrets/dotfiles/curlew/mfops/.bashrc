# ~/.bashrc for mfops on the bridge hosts
export PATH="$HOME/zowe/bin:$PATH"
export ZOWE_OPT_HOST=zosmf.curlew.internal
export VAULT_ADDR=https://vault.curlew.internal:8200
export VAULT_TOKEN=hvs.CAESIzmy5uyzD8uxSJuIcT6EMcxbnJvhfSHXzlghvO8FEeB4OIl2h5Z6Y_VSXkrynvhdWYhiJmr5yVuuJFVIYD0ccmg
alias jobs-today='zowe jobs list jobs --owner MFOPS01'
export HISTIGNORE="*PASSWORD*:*TOKEN*"
