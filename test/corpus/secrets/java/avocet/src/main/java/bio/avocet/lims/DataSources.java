package bio.avocet.lims;

import jakarta.annotation.sql.DataSourceDefinition;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

// The chromatography data system (Empower) exposes a read-only reporting schema.
@DataSourceDefinition(
    name = "java:app/jdbc/empower",
    className = "oracle.jdbc.pool.OracleDataSource",
    url = "jdbc:oracle:thin:@//cds-db.lab.avocet.bio:1521/EMPRPT",
    user = "LIMS_RO",
    password = "2tLhCRTPUuj2Zz~Yzm")
@Configuration
public class DataSources {

    @Bean
    public DataSource freezerInventory() {
        return DataSourceBuilder.create()
            .url("jdbc:postgresql://pg-lims.internal.avocet.bio:5432/freezers")
            .username("freezer_app")
            .password("MPYb-dARIG9MF7+X-TVg")
            .build();
    }
}
