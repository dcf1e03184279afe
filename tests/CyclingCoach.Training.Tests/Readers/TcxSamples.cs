namespace CyclingCoach.Training.Tests.Readers;

/// <summary>Small hand-written TCX files in the shapes real devices and services export (there are no TCX fixtures).</summary>
internal static class TcxSamples
{
    /// <summary>Garmin Connect export of an Edge ride: prefixed ns3 TPX/LX extensions, 2 laps, a point without GPS.</summary>
    public const string EdgeRide = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase
          xsi:schemaLocation="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd"
          xmlns:ns5="http://www.garmin.com/xmlschemas/ActivityGoals/v1"
          xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"
          xmlns:ns2="http://www.garmin.com/xmlschemas/UserProfile/v2"
          xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <Activities>
            <Activity Sport="Biking">
              <Id>2024-05-04T07:30:00.000Z</Id>
              <Lap StartTime="2024-05-04T07:30:00.000Z">
                <TotalTimeSeconds>3.0</TotalTimeSeconds>
                <DistanceMeters>21.5</DistanceMeters>
                <MaximumSpeed>7.5</MaximumSpeed>
                <Calories>1</Calories>
                <AverageHeartRateBpm><Value>121</Value></AverageHeartRateBpm>
                <MaximumHeartRateBpm><Value>125</Value></MaximumHeartRateBpm>
                <Intensity>Active</Intensity>
                <Cadence>85</Cadence>
                <TriggerMethod>Manual</TriggerMethod>
                <Track>
                  <Trackpoint>
                    <Time>2024-05-04T07:30:00.000Z</Time>
                    <Position><LatitudeDegrees>45.1885</LatitudeDegrees><LongitudeDegrees>5.7245</LongitudeDegrees></Position>
                    <AltitudeMeters>212.4</AltitudeMeters>
                    <DistanceMeters>0.0</DistanceMeters>
                    <HeartRateBpm><Value>118</Value></HeartRateBpm>
                    <Cadence>80</Cadence>
                    <Extensions><ns3:TPX><ns3:Speed>6.5</ns3:Speed><ns3:Watts>180</ns3:Watts></ns3:TPX></Extensions>
                  </Trackpoint>
                  <Trackpoint>
                    <Time>2024-05-04T07:30:01.000Z</Time>
                    <Position><LatitudeDegrees>45.18856</LatitudeDegrees><LongitudeDegrees>5.72458</LongitudeDegrees></Position>
                    <AltitudeMeters>212.6</AltitudeMeters>
                    <DistanceMeters>7.1</DistanceMeters>
                    <HeartRateBpm><Value>121</Value></HeartRateBpm>
                    <Cadence>86</Cadence>
                    <Extensions><ns3:TPX><ns3:Speed>7.1</ns3:Speed><ns3:Watts>240</ns3:Watts></ns3:TPX></Extensions>
                  </Trackpoint>
                  <Trackpoint>
                    <Time>2024-05-04T07:30:02.000Z</Time>
                    <AltitudeMeters>212.9</AltitudeMeters>
                    <DistanceMeters>14.3</DistanceMeters>
                    <HeartRateBpm><Value>124</Value></HeartRateBpm>
                    <Cadence>88</Cadence>
                    <Extensions><ns3:TPX><ns3:Speed>7.2</ns3:Speed><ns3:Watts>251</ns3:Watts></ns3:TPX></Extensions>
                  </Trackpoint>
                </Track>
                <Extensions><ns3:LX><ns3:AvgSpeed>7.17</ns3:AvgSpeed><ns3:AvgWatts>224</ns3:AvgWatts><ns3:MaxWatts>251</ns3:MaxWatts></ns3:LX></Extensions>
              </Lap>
              <Lap StartTime="2024-05-04T07:30:03.000Z">
                <TotalTimeSeconds>2.0</TotalTimeSeconds>
                <DistanceMeters>14.0</DistanceMeters>
                <AverageHeartRateBpm><Value>126</Value></AverageHeartRateBpm>
                <Intensity>Active</Intensity>
                <TriggerMethod>Manual</TriggerMethod>
                <Track>
                  <Trackpoint>
                    <Time>2024-05-04T07:30:03.000Z</Time>
                    <Position><LatitudeDegrees>45.18870</LatitudeDegrees><LongitudeDegrees>5.72475</LongitudeDegrees></Position>
                    <AltitudeMeters>213.0</AltitudeMeters>
                    <DistanceMeters>21.5</DistanceMeters>
                    <HeartRateBpm><Value>126</Value></HeartRateBpm>
                    <Cadence>90</Cadence>
                    <Extensions><ns3:TPX><ns3:Speed>7.0</ns3:Speed><ns3:Watts>230</ns3:Watts></ns3:TPX></Extensions>
                  </Trackpoint>
                  <Trackpoint>
                    <Time>2024-05-04T07:30:04.000Z</Time>
                    <Position><LatitudeDegrees>45.18877</LatitudeDegrees><LongitudeDegrees>5.72484</LongitudeDegrees></Position>
                    <AltitudeMeters>213.2</AltitudeMeters>
                    <DistanceMeters>28.4</DistanceMeters>
                    <HeartRateBpm><Value>127</Value></HeartRateBpm>
                    <Extensions><ns3:TPX><ns3:Speed>6.9</ns3:Speed></ns3:TPX></Extensions>
                  </Trackpoint>
                </Track>
              </Lap>
              <Creator xsi:type="Device_t">
                <Name>Edge 530</Name>
                <UnitId>3312345678</UnitId>
                <ProductID>3121</ProductID>
                <Version><VersionMajor>9</VersionMajor><VersionMinor>10</VersionMinor><BuildMajor>0</BuildMajor><BuildMinor>0</BuildMinor></Version>
              </Creator>
            </Activity>
          </Activities>
          <Author xsi:type="Application_t">
            <Name>Connect Api</Name>
            <Build><Version><VersionMajor>0</VersionMajor><VersionMinor>0</VersionMinor></Version></Build>
            <LangID>en</LangID>
            <PartNumber>006-D2449-00</PartNumber>
          </Author>
        </TrainingCenterDatabase>
        """;

    /// <summary>Indoor trainer export (e.g. from a training app): no positions, TPX in a default namespace, BOM-less, CRLF.</summary>
    public const string IndoorTrainer =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" +
        "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\r\n" +
        "<Activities><Activity Sport=\"Biking\"><Id>2023-12-01T18:00:00Z</Id>\r\n" +
        "<Lap StartTime=\"2023-12-01T18:00:00Z\"><TotalTimeSeconds>2</TotalTimeSeconds><DistanceMeters>16</DistanceMeters><Track>\r\n" +
        "<Trackpoint><Time>2023-12-01T18:00:00Z</Time><HeartRateBpm><Value>100</Value></HeartRateBpm><Cadence>90</Cadence>" +
        "<Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Speed>8.1</Speed><Watts>205</Watts></TPX></Extensions></Trackpoint>\r\n" +
        "<Trackpoint><Time>2023-12-01T18:00:01Z</Time><HeartRateBpm><Value>101</Value></HeartRateBpm><Cadence>91</Cadence>" +
        "<Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Speed>8.2</Speed><Watts>210</Watts></TPX></Extensions></Trackpoint>\r\n" +
        "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\r\n";

    /// <summary>A TCX course (planned route) as route planners export it.</summary>
    public const string Course = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
          <Courses>
            <Course>
              <Name>Col de Porte</Name>
              <Lap><TotalTimeSeconds>0</TotalTimeSeconds><DistanceMeters>1200</DistanceMeters></Lap>
              <Track>
                <Trackpoint><Position><LatitudeDegrees>45.2</LatitudeDegrees><LongitudeDegrees>5.75</LongitudeDegrees></Position><AltitudeMeters>300</AltitudeMeters><DistanceMeters>0</DistanceMeters></Trackpoint>
                <Trackpoint><Position><LatitudeDegrees>45.205</LatitudeDegrees><LongitudeDegrees>5.755</LongitudeDegrees></Position><AltitudeMeters>360</AltitudeMeters><DistanceMeters>680</DistanceMeters></Trackpoint>
                <Trackpoint><Position><LatitudeDegrees>45.209</LatitudeDegrees><LongitudeDegrees>5.76</LongitudeDegrees></Position><AltitudeMeters>410</AltitudeMeters><DistanceMeters>1200</DistanceMeters></Trackpoint>
              </Track>
            </Course>
          </Courses>
        </TrainingCenterDatabase>
        """;
}
