      *****************************************************************
      * POLX100 - POLICY EXTRACT RECORD AND BRIDGE CREDENTIAL LAYOUT   *
      *****************************************************************
       01  POLX-EXTRACT-REC.
           05  POLX-POLICY-NO          PIC X(12).
           05  POLX-BROKER-ID          PIC X(08).
           05  POLX-INSURED-NAME       PIC X(40).
           05  POLX-PREMIUM            PIC S9(9)V99 COMP-3.
       01  WS-BRIDGE-LOGON.
           05  WS-USERID               PIC X(08) VALUE 'MFBR01'.
           05  WS-PASSWORD             PIC X(16) VALUE SPACES.
           05  WS-API-KEY              PIC X(32) VALUE LOW-VALUES.
           05  WS-TOKEN-LEN            PIC 9(04) COMP VALUE 0.
