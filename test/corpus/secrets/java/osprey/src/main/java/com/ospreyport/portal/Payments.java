package com.ospreyport.portal;

import com.easypost.service.EasyPostClient;
import com.squareup.square.SquareClient;
import com.stripe.Stripe;

public class Payments {
    // restricted key: charges and refunds only
    static { Stripe.apiKey = "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"; }

    private static final String SHIPPO_TOKEN = "shippo_live_f48761d7ea2687f018dd6a6c817199226aa54b6c";

    final EasyPostClient labels = new EasyPostClient("EZAKiwilnkz61nb7lpinkxqqq0ekz3iff4g4qilcb1v18wsdakam3e09ae");

    final SquareClient kiosks = SquareClient.builder()
            .token("EAAAAtN2LlIomdaXyu3gJ6R_VF6qOsFUxzoQunqM1eRK-L005-Hq-WbWu1DbmB34")
            .build();
}
