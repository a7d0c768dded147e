# Names a glued ending alone would misread (public code's shapes).
# expect-not: secret-generic-password
toolskey = "VS%0.f0COMNTOOLS" % version
OPTIONS = (
    # expect-not: secret-generic-password
    'PROXY', 'USERPWD', 'HTTP200ALIASES',
)
