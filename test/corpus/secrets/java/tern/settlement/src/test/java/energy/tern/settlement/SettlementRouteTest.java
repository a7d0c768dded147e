package energy.tern.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SettlementRouteTest {

    private static final String MARKET_PROPERTIES = """
            market.endpoint=https://dataservice-test.market-operator.example/settlement
            market.username=TERNSUP01
            market.password=94-xsX3oS6X6DmRRG!
            market.timeout=PT30S
            """;

    private static final String EXPECTED_RUN_DIGEST = "df8beaa636ad2dba65e41e4e8f34bd4f8331cd70035d1dd171740a73c9d3fe3b";

    @Test
    void loadsRunFromFixture() {
        assertThat(MARKET_PROPERTIES).contains("market.endpoint");
        assertThat(EXPECTED_RUN_DIGEST).hasSize(64);
    }
}
