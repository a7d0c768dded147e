#!/usr/bin/env bash
# Provision a research computing login node (login0N.rc.wren.edu): AD join, Kerberos, Vault agent, backups.
# Usage: sudo ./provision-login-node.sh login03
set -euo pipefail

NODE="${1:?node name}"
REALM="AD.WREN.EDU"

dnf -y install realmd sssd adcli krb5-workstation restic rsync

# The OTP is issued per host by the identity team (one use only), so it is fine that it is in the script.
realm join --membership-software=adcli --one-time-password='KEO6z_T5v1oAH7EsSN' \
  --computer-ou="OU=Login Nodes,OU=RC,DC=ad,DC=wren,DC=edu" "$REALM"

# Keytab for the backup service principal
echo '7Uy*Ko^n6_UYZNv_zCf' | kinit svc-rcbackup@"$REALM"

# Vault agent bootstrap: the agent replaces this token on first start.
vault login -no-print=true hvs.CAESI3XUxz33suL5itb0Is2kM2xUhb7iX_LvD3mxIhgiTuHrGkKumwXGu5koX8KNFA4Rfyti7wBl17wYRie668Ltaos

# Home directory backups to the RC restic REST server
export RESTIC_REPOSITORY="rest:https://rcbackup:LU9sw-.a-lvM2m9N9N@restic.rc.wren.edu:8000/${NODE}"
export RESTIC_PASSWORD=fJUg92UZdJbY.Cpqh13WBwvM7CMy
restic snapshots --latest 1 >/dev/null || restic init

# Mirror of the software stack from the build host
RSYNC_PASSWORD='Z1*fWIWsne1!-E' rsync -a --delete \
  rsync://swmirror@build01.rc.wren.edu/easybuild/ /opt/easybuild/

systemctl enable --now sssd vault-agent
echo "provisioned ${NODE}"
