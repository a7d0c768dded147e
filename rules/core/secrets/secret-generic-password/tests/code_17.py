import saspy
from Crypto.Cipher import AES

# Batch 17 (learn17-code): an abbreviated password's name glued to `pw` (saspy's `omrpw`).
def sas():
    # expect: secret-generic-password@79-95
    return saspy.SASsession(cfgname="iomwin", omruser="svc_reserving", omrpw="Nfz~MPQk36LBKaHS")

# A block cipher built by its algorithm's name from a literal key.
def sealer(iv):
    # expect: secret-generic-password@35-99
    return AES.new(bytes.fromhex("7e3434beb86a8f8bc72d4973c3f87b1535855930300b7be39b7aec3e3f973421"), AES.MODE_GCM, nonce=iv)

# A working directory's name ends in `pwd`: a path is no password.
# expect-not: secret-generic-password
oldpwd = "/var/lib/ledger/archive"
