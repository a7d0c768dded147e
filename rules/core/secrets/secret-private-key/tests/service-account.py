# A service-account JSON pasted into code: the key is one line with \n escapes.
CREDENTIALS = {
    "type": "service_account",
    # expect: secret-private-key@21-405
    "private_key": "-----BEGIN PRIVATE KEY-----\nRkFLRSBQS0NTOCBQUklWQVRFIEtFWSBGT1IgQlVMV0FSSyBURVNUUyBPTkxZIC0g\nTk9UIEEgUkVBTCBLRVkgLSBGQUtFIFBLQ1M4IFBSSVZBVEUgS0VZIEZPUiBCVUxX\nQVJLIFRFU1RTIE9OTFkgLSBOT1QgQSBSRUFMIEtFWSAtIEZBS0UgUEtDUzggUFJJ\nVkFURSBLRVkgRk9SIEJVTFdBUksgVEVTVFMgT05MWSAtIE5PVCBBIFJFQUwgS0VZ\nIC0gRkFLRSBQS0NTOCBQUklWQVRFIEtFWSBGT1IgQlVMV0FSSyBURVNUUyBPTkxZ\n-----END PRIVATE KEY-----\n",
    "client_email": "ci@example.iam.gserviceaccount.com",
}
