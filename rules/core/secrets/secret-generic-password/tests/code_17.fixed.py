import os
import saspy
from Crypto.Cipher import AES

# Batch 17 (learn17-code): an abbreviated password's name glued to `pw` (saspy's `omrpw`).
def sas():
    # expect: secret-generic-password@79-95
    return saspy.SASsession(cfgname="iomwin", omruser="svc_reserving", omrpw=os.environ["OMRPW"])

# A block cipher built by its algorithm's name from a literal key.
def sealer(iv):
    # expect: secret-generic-password@35-99
    return AES.new(bytes.fromhex(os.environ["ENCRYPTION_KEY"]), AES.MODE_GCM, nonce=iv)

# A working directory's name ends in `pwd`: a path is no password.
# expect-not: secret-generic-password
oldpwd = "/var/lib/ledger/archive"
