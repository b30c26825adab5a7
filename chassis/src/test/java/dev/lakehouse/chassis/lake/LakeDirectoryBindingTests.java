package dev.lakehouse.chassis.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.ChassisTestApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"lakehouse.internal.token=chassis-test-token-0123456789",
                "lakehouse.data-dir=/tmp/lakehouse-binding-test"})
class LakeDirectoryBindingTests {

    @Autowired
    LakeProperties lake;

    @Test
    void theLakeFollowsTheDataDirectoryLikeLakehouseLakeDirSays() {
        assertThat(lake.dir()).isEqualTo(Path.of("/tmp/lakehouse-binding-test/lake"));
    }
}
