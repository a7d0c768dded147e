#!/bin/bash
# Rejoins the depot Wi-Fi from a crew tablet's Linux image after a reimage.
nmcli radio wifi on
nmcli dev wifi connect "TERN-DEPOT-5G" password "PhFHvL2BReac+=4fOTmY" ifname wlan0
nmcli connection modify "TERN-DEPOT-5G" connection.autoconnect yes
read -rsp "Crew PIN: " CREW_PIN
