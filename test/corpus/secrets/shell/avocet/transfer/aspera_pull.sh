#!/bin/sh
# Pulls delivered FASTQs from the sequencing provider's Aspera server (HSTS) into the landing zone.
ASPERA_HOST=ats.genomix-partners.com
ASPERA_USER=avocet_delivery
export ASPERA_SCP_PASS='6PMfa6tyk+hQIjJ-AV0u'

ascp -QT -l 1000m -P 33001 -k 2 \
  "${ASPERA_USER}@${ASPERA_HOST}:/deliveries/avocet/" /landing/aspera/

az storage blob upload-batch \
  --account-name avocetlanding \
  --account-key 'XCpePgd25hpAOkuATNOvZFfA/ceF71/Srt3eOZkb7pktXKj/apvQk0IcUjUT+XdIGNMorH3oB9v3OK4mjzlRVg==' \
  --destination landing --source /landing/aspera/

huggingface-cli login --token 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
huggingface-cli upload avocet-bio/pilot-expression /landing/aspera/pilot --repo-type dataset

psql "postgresql://landing_loader:hTj9UaC_5so-YCe8eq60oJ@pg-lake.internal.avocet.bio:5432/landing" -c "\copy deliveries from '/landing/aspera/manifest.csv' csv header"
