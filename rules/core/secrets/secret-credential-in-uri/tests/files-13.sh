#!/bin/sh
# expect: secret-credential-in-uri@12-28
echo 'crew:0onNy8rr3NRoBfZs' | chpasswd
# expect-not: secret-credential-in-uri
echo "crew:${CREW_PASSWORD}" | chpasswd
# expect: secret-credential-in-uri@42-62
nmcli dev wifi connect "DEPOT" password "N1I27U5FPifpBZuSst2U" ifname wlan0
# expect-not: secret-credential-in-uri
nmcli dev wifi connect "DEPOT" password "$WIFI_PSK" ifname wlan0
# expect: secret-credential-in-uri@44-64
snmpwalk -v3 -l authPriv -u ops -a SHA -A '8hVrZ8x0FMxNPR7fUGT8' -x AES -X "$(cat /etc/snmp/priv.pass)" rtu-01 1.3.6.1.2.1.1
# expect: secret-credential-in-uri@36-54
xfreerdp /v:hmi-01.ot /u:maint /p:'5j0h8N3uAVxP3ZIBS6' /cert:tofu
# expect-not: secret-credential-in-uri
xfreerdp /v:hmi-01.ot /u:maint /p:"$RDP_PASSWORD" /cert:tofu
# expect: secret-credential-in-uri@63-103
mc alias set lake https://lake.internal.test:9000 export-user 6pNct1zyqcI9zuUbwnr9cnFTGnmsRTYRARYgeUdU
# expect-not: secret-credential-in-uri
mc alias set lake https://lake.internal.test:9000 "$LAKE_ACCESS_KEY" "$LAKE_SECRET_KEY"
# expect: secret-credential-in-uri@45-69
poetry config http-basic.internal tariff-ci BRwPxDfxiONfs2bRszSy9Mmq
# expect: secret-credential-in-uri@66-90
composer config --global http-basic.repo.example.test billing-ci XlTD3aiIxDaCFU8hwWeUsEQ0
# expect-not: secret-credential-in-uri
composer config --global http-basic.repo.example.test "$REPO_USER" "$REPO_PASSWORD"
# expect: secret-credential-in-uri@59-67
bundle config set --global gems.vendor.example.test kiosk:47cb4539
# The user is an e-mail address with its @ left as it is.
# expect: secret-credential-in-uri@47-67
set smtp_url = "smtps://ops@mail.example.test:lwgJa4g2yhUja7flIYbS@mail.example.test:465/"
