#!/usr/bin/env bash
# Post a campus IT outage notice to Telegram (student channel), Slack (staff) and open a W&B run for the status page model.
set -euo pipefail
MSG="${1:?message}"

curl -s -X POST "https://api.telegram.org/bot7787617921:AA2cwBXNIMaxXeZijIyug_QftQv6bWO0U3v/sendMessage" \
  -d chat_id=-1001845523310 --data-urlencode "text=${MSG}"

curl -s https://slack.com/api/chat.postMessage \
  -d token=xoxb-239138711232-8931645688132-JOw5JXYkT8yEft4r5FqbPpZL \
  -d channel=C04WRENITOPS --data-urlencode "text=:rotating_light: ${MSG}"

wandb login 96538e5f1a6fbb1ea0cf795592b5cb63062f72ef
python -m statuspage.forecast --notice "$MSG"
