# Synthetic credentials of each format, written the ways code carries them (arguments, headers,
# comments, fallbacks, neutral keys). None of them is real.
# expect: secret-provider-token@36-62
curl -sf -H "Authorization: Bearer glpat-DIO6i-_Ynlm9ynSijgwD" https://api.internal.test/v1/status
# expect: secret-provider-token@26-51
deploy-tool --credential glrt-EIQ0CT9HpS6x8H2YS1Oa --region eu
# expect: secret-provider-token@15-44
CRED="${CRED:-GR1348941lclHlKaReQ5QsHuQymm8}"
# expect: secret-provider-token@7-32
echo "gldt-SXegfLDZ0OWXFKP6E0QK" | login --stdin
# expect: secret-provider-token@36-65
curl -sf -H "Authorization: Bearer glcbt-64_4CUcEWR5SM84Z4DhJ4R0" https://api.internal.test/v1/status
# expect: secret-provider-token@26-72
deploy-tool --credential glptt-044ee1ee2f1dfed571b20b4d92dddbfa22d79d25 --region eu
# expect: secret-provider-token@15-85
CRED="${CRED:-gloas-4bMVP1nvCU2X9Pw85qWmLqo4kJXPd40DCfcXkvee7b8QvYIANFuozfHJ9kqkvOAX}"
# expect: secret-provider-token@7-65
echo "glagent-xYtPWSFkyHF2zWiLZspIVqzBd35KuK0hiqgbOVTeOyiiVMp1IX" | login --stdin
# expect: secret-provider-token@36-61
curl -sf -H "Authorization: Bearer glft-j1OUS9BvkZFzjwW6YfF3" https://api.internal.test/v1/status
# expect: secret-provider-token@25-57
Cookie: _gitlab_session=i4488ljq8bcar9rnpve53rq1x2p36zv5
# expect: secret-provider-token@26-62
deploy-tool --credential ATBBHMhqRHgIBI3Lmw23yV5TDIqbMxS68bg1 --region eu
# expect: secret-provider-token@15-55
CRED="${CRED:-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}"
# expect: secret-provider-token@7-97
echo "pypi-AgEIcHlwaS5vcmcD9JU1DV5ick8VlGQcLLu3WkmHs5eOz6A9N6ZwcXmSKr3J0jMeO4XlD6IniQy_9ssE2TptR" | login --stdin
# expect: secret-provider-token@36-93
curl -sf -H "Authorization: Bearer rubygems_9d2d9b175fcb5b4a0d95df740cd6af35219b146d67add6ca" https://api.internal.test/v1/status
# expect: secret-provider-token@26-72
deploy-tool --credential oy2ljq9zyzhxkldsutnzdowj66uf1tot6ah1ep47moq3hy --region eu
# expect: secret-provider-token@15-83
CRED="${CRED:-CLOJARS_rq7wen0roiwjecgsicqvwgiy7ylxkymjmsezokm3aolybaz97oojpj50qfti}"
# expect: secret-provider-token@7-43
echo "dckr_pat_OaLfKTsn71WtLZaRejyDqXKTeEs" | login --stdin
# expect: secret-provider-token@36-109
curl -sf -H "Authorization: Bearer AKCpdWdQ9ZJm4bmAFvfN49VRWjMQjSpKTs27mNLVqeXimlj6T07DdWfwDyKW44FE3ULeFM0qB" https://api.internal.test/v1/status
# expect: secret-provider-token@26-90
deploy-tool --credential cmVmdBj89wZM92vjv1vpN26XJcIIORYwgiqKP6psnnbp2bjKTBJdKY0s8sPN2LdK --region eu
# expect: secret-provider-token@15-59
CRED="${CRED:-squ_99cf9208165775ae6a87aa699b0b206c5cf87264}"
# expect: secret-provider-token@7-68
echo "sgp_cfac65003eb4c9af_710dfcfe8be605cdaf42d3f53c0b807e849eb383" | login --stdin
# expect: secret-provider-token@36-81
curl -sf -H "Authorization: Bearer bkua_68ce595fce201ddcc2a507c7be391e5ba705850c" https://api.internal.test/v1/status
# expect: secret-provider-token@26-96
deploy-tool --credential CCIPAT_9PGzB11M4l6c1pjcr8SpS9_605a0f1c8812cac819d535798c9275bb55939663 --region eu
# expect: secret-provider-token@15-45
CRED="${CRED:-API-2BE3MJ6QV3TU2TTJD2LQ962FZL}"
