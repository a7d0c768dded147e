package energy.tern.crew.integrations

import com.aallam.openai.client.OpenAI
import io.r2dbc.spi.ConnectionFactories
import io.r2dbc.spi.ConnectionFactory
import org.gitlab4j.api.GitLabApi

object Clients {
    // Drafts the crew's job notes into the customer-facing outage update.
    val notesModel = OpenAI(token = "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")

    val releaseIssues = GitLabApi("https://gitlab.tern-energy.example", "glpat-OjUC-ESoQQzpC-a00ALV")

    val workOrders: ConnectionFactory =
        ConnectionFactories.get("r2dbc:postgresql://crew_app:2J2KkFC6EWhInsSIhrmhcl@crew-db.tern.internal:5432/crew")
}
