#!/bin/sh
# The command-line model: options named for a secret with any prefix, table options, login arguments, URL query secrets.
# expect: secret-generic-password@42-60
unity-editor -batchmode -quit -password '12Z8zFdwZpS5cQyPHK' -logFile /dev/stdout
# expect: secret-generic-password@22-42
7z a -t7z -mhe=on -p'sB6Z0IhnlsmhbRJFKO5r' out.7z ./symbols
# expect: secret-generic-password@30-52
security unlock-keychain -p 'cIxrxazZmKZc4x8282VuC1' build.keychain
# expect: secret-generic-password@54-73
apksigner sign --ks /opt/keys/app.jks --ks-pass pass:4o6HIrgSImxCxKlfGGX app.apk
# expect: secret-generic-password@52-73
gpg --batch --pinentry-mode loopback --passphrase "xJsgnvJuas3UgmZHOIOAi" --detach-sign app.apk
# expect: secret-generic-password@13-49
cargo login ix7QeD8QFQoYxYSY6nu8O1aYgazAZDS6c7m5 && cargo publish
# expect: secret-generic-password@26-50
steamcmd +login builder 'DmMwduy1ItITnOfPy3jboopN' +quit
# expect: secret-generic-password@71-89
curl -fsS -X POST "https://symbols.example.test/post?format=sym&token=yIFu1pIHYtrvMCvIPm"
# expect: secret-generic-password@24-48
tool activate -serial 'AB7K-Q2PX-9MZT-C4RW-HN5E'

# Traps: references and file sources, `-p` of other commands, flags, a lone login argument that is a host,
# a login in prose, a serial that is a device id, a heredoc's body.
# expect-not: secret-generic-password
unity-editor -quit -password "${UNITY_PASSWORD}" -serial "$UNITY_SERIAL"
# expect-not: secret-generic-password
apksigner sign --ks app.jks --ks-pass env:KS_PASSWORD --key-pass file:/run/secrets/key_pass app.apk
# expect-not: secret-generic-password
gpg --batch --passphrase-file /run/secrets/gpg_passphrase --detach-sign app.apk
# expect-not: secret-generic-password
rsync -p 'cOFadZ9PwhDtAsG6fKOR' ./a ./b
# expect-not: secret-generic-password
adduser --disabled-password --gecos '' appuser
# expect-not: secret-generic-password
docker login registry.example.test
# expect-not: secret-generic-password
echo "Please login as admin using https://portal.example.test."
# expect-not: secret-generic-password
adb -s R58M41XYZ12 --serial install app.apk
# expect-not: secret-generic-password
cargo login "$(cat /run/secrets/crates_token)"
cat > /tmp/notes.txt <<'EOF2'
# expect-not: secret-generic-password
signin with --token SomeReadme4Words
EOF2
