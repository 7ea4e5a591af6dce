package io.sparkwise.eventlog.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.sparkwise.eventlog.build.JsonAccess.asObj;
import static io.sparkwise.eventlog.build.JsonAccess.integer;
import static io.sparkwise.eventlog.build.JsonAccess.intList;
import static io.sparkwise.eventlog.build.JsonAccess.list;
import static io.sparkwise.eventlog.build.JsonAccess.lng;
import static io.sparkwise.eventlog.build.JsonAccess.optLng;
import static io.sparkwise.eventlog.build.JsonAccess.optStr;
import static io.sparkwise.eventlog.build.JsonAccess.str;

/** Reads JsonProtocol's "Stage Info" objects. */
final class StageInfos {

    private StageInfos() {
    }

    static StageInfo parse(Map<String, Object> json) {
        List<Integer> rddIds = new ArrayList<>();
        for (Object rdd : list(json, "RDD Info")) {
            long id = lng(asObj(rdd), "RDD ID", -1);
            if (id >= 0) {
                rddIds.add((int) id);
            }
        }
        return new StageInfo(
                integer(json, "Stage ID", -1),
                integer(json, "Stage Attempt ID", 0),
                str(json, "Stage Name", ""),
                integer(json, "Number of Tasks", 0),
                rddIds,
                intList(json, "Parent IDs"),
                str(json, "Details", ""),
                positive(optLng(json, "Submission Time")),
                positive(optLng(json, "Completion Time")),
                optStr(json, "Failure Reason"),
                integer(json, "Resource Profile Id", 0));
    }

    private static OptionalLong positive(OptionalLong v) {
        return v.isPresent() && v.getAsLong() > 0 ? v : OptionalLong.empty();
    }
}
